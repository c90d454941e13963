"""Text limits, stated once and used by models, forms and the API schema alike."""

from __future__ import annotations

#: A name, a title, a feeling word list.
SHORT_TEXT = 120
#: One answer: a win, a challenge, what would help.
ANSWER_TEXT = 1000
#: A question a pair writes for itself.
PROMPT_TEXT = 300
#: A message in a short thread.
REPLY_TEXT = 500
#: A longer reflection.
LONG_TEXT = 4000
