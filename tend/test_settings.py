"""Settings for the test suite: the real settings, with a fast password hasher.

Argon2 is deliberately slow; hashing every fixture user with it would make the
suite spend most of its time there. Production and development keep Argon2
(tend/accounts/tests check that).
"""

from __future__ import annotations

from tend.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
