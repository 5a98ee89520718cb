"""Price guidance (issue #16): a learned model of what a listed car sells for, its range, its explanation, and
the comparables rule it must beat and that answers when no version is active. `PricePredictionEngine` in
ml.price_guidance.engine serves it; ml.price_guidance.training trains and scores it."""
