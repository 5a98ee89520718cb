"""The lead conversion model: the chance that an open lead ends in a deal, learned from past leads, with the
factors that moved it for that lead (features, model, training, engine). It replaces, when a version is active,
the rule's `conversion_probability` in the lead API (leads.hooks.CONVERSION_ESTIMATES)."""
