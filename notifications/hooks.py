"""What notifications tells the apps above it when a person writes to us (nzila_export.hooks); notifications
imports none of them. Both are announcements made inside the inbox's transaction that applies the provider's
verified, stored event (notifications.callbacks), so that what a listener writes commits with the event's outcome.

- WHATSAPP_MESSAGE_RECEIVED `(phone=, text=, message_id=, received_at=)`: an inbound WhatsApp message, by
  Twilio or Meta's Cloud API. `phone` is E.164, `text` the message's text ("" when it has none: a photo, a
  voice note), `message_id` the provider's id of the message. support adds it to the sender's ticket.
- EMAIL_MESSAGE_RECEIVED `(recipient=, sender=, text=, message_id=, received_at=)`: an e-mail to one of our
  addresses, forwarded by a Mailgun route. `recipient` is the address it was sent to (the SMTP RCPT TO),
  `sender` the SMTP MAIL FROM, `text` the message without its quoted part and signature (Mailgun's
  stripped-text), `message_id` its Message-Id. support adds a reply sent to a ticket's reply address.

A listener that takes the message returns where it went ("support.ticket:12"); otherwise None, and when no
listener took it the inbox records the event as ignored (an inbound WhatsApp message still opens the 24-hour
window). A listener must be idempotent on `message_id`: staff may replay an event from the admin.
"""

from nzila_export.hooks import HookPoint

WHATSAPP_MESSAGE_RECEIVED = HookPoint("notifications.whatsapp_message_received")
EMAIL_MESSAGE_RECEIVED = HookPoint("notifications.email_message_received")
