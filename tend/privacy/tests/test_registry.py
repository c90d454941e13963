from __future__ import annotations

from django.apps import apps

from tend.privacy import registry
from tend.privacy.fields import EncryptedTextField
from tend.privacy.models import OwnedItem


def test_every_owned_model_is_in_export_and_deletion():
    owned = {
        model
        for model in apps.get_models()
        if issubclass(model, OwnedItem) and not model._meta.abstract
    }
    assert owned, "no owned models found"
    missing = owned - registry.registered_models()
    assert not missing, f"register these in <app>/privacy.py: {sorted(m.__name__ for m in missing)}"


def test_every_model_with_encrypted_text_is_registered():
    with_text = {
        model
        for model in apps.get_models()
        if any(isinstance(f, EncryptedTextField) for f in model._meta.concrete_fields)
    }
    assert with_text <= registry.registered_models()


def test_every_tend_model_is_registered_or_explicitly_not_personal() -> None:
    not_personal: set[str] = set()
    tend_models = {m for m in apps.get_models() if m.__module__.startswith("tend.")}
    unregistered = {
        m._meta.label for m in tend_models - registry.registered_models()
    } - not_personal
    assert not unregistered, f"decide export and deletion for: {sorted(unregistered)}"
