"""The payment anomaly model: the chance that a payment is a fraud, learned from labelled outcomes (disputes and
staff rejections), with the factors that raised it (features, model, training, engine). When a version is active
it adds risk points to payments.fraud's through payments.hooks.PAYMENT_RISK_POINTS."""
