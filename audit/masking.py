"""What the audit log must never hold: secrets and full card, identity or account numbers.

`changes_mask` walks a record's changes (dicts, lists, [old, new] pairs) and masks the value of every key
that SENSITIVE_KEY names. The key is read as words: camelCase and any punctuation become "_", so that
"cardNumber", "card-number" and "CARD_NUMBER" are all "card_number", and a word matches whole ("pan" masks
"pan" and "card_pan", not "company"). Two kinds:
- a secret (password, secret, token, API or private key, signature, authorization, credentials, cookie,
  CVC/CVV, PIN, one-time code) becomes "[masked]";
- a number (card number or PAN, IBAN, bank account, routing or transit number, sort code, passport,
  national or tax ID, SIN/SSN, driver's licence) keeps its last 4 characters only: "••••1234".
None, "" and booleans are kept: that a password was set, or not, gives nothing away.
"""

import re

MASKED = "[masked]"
NUMBER_MASK = "••••"
# A number shorter than this is masked whole: its last 4 characters would be most of it.
SHORTEST_NUMBER_SHOWN = 8

SENSITIVE_KEY = re.compile(
    r"(?<![a-z0-9])(?:"
    r"(?P<number>"
    r"card_?(?:number|no|num)|cc_?(?:number|no|num)|pan|primary_account_number"
    r"|iban|bban|(?:bank_)?account_?(?:number|no|num)|bank_?account|bank_details|sort_?code"
    r"|routing(?:_?(?:number|no))?|(?:transit|institution)_?(?:number|no)"
    r"|passport(?:_?(?:number|no))?|national_?id(?:_?(?:number|no))?|(?:id|identity|identification)_?(?:number|no)"
    r"|tax_?(?:id|number|no)|sin|ssn|nin|driver_?s?_?licen[cs]e(?:_?(?:number|no))?"
    r")"
    r"|(?P<secret>"
    r"pass(?:word|wd|phrase)|pwd|secret|token|(?:api|access|private|secret|signing|client|encryption)_?key"
    r"|signature|authori[sz]ation|credentials?|cookie|cvc2?|cvv2?|cvn|csc|pin|otp"
    r")"
    r")s?(?![a-z0-9])"
)


def changes_mask(changes):
    """A copy of `changes` with the values under sensitive keys masked, at any depth."""
    return _walk(changes, kind=None)


def sensitive_kind(key: str) -> str | None:
    """What the key names: "number", "secret" or None."""
    words = re.sub(r"[^a-z0-9]+", "_", re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", key).lower())
    match = SENSITIVE_KEY.search(words)
    return match.lastgroup if match else None


def _walk(value, *, kind: str | None):
    if isinstance(value, dict):
        return {key: _walk(item, kind=kind or sensitive_kind(str(key))) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_walk(item, kind=kind) for item in value]
    if kind is None or value is None or value == "" or isinstance(value, bool):
        return value
    if kind == "secret":
        return MASKED
    return number_masked(value)


def number_masked(value) -> str:
    """A number as the audit log shows one: its last 4 characters (spaces left out), if it has 8 or more."""
    text = "".join(str(value).split())
    return NUMBER_MASK + text[-4:] if len(text) >= SHORTEST_NUMBER_SHOWN else NUMBER_MASK
