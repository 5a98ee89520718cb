"""The learned models' estimators run on one OpenMP thread, fitting and predicting. On this platform's two cores,
shared with the web workers, OpenMP's threads spin against each other: a fit of 3,000 listings took 0.4 s on one
thread and up to 26 s on two (3,000 leads: 1 s against 30 s), and on 100,000 listings two threads gain 0.1 s. A
request has no core to spare anyway. The controller is made once: limiting through it costs microseconds, where
threadpoolctl's threadpool_limits costs milliseconds a call."""

from threadpoolctl import ThreadpoolController

OPENMP = ThreadpoolController()


def one_thread():
    """A context in which OpenMP (scikit-learn's histogram gradient boosting) runs on one thread."""
    return OPENMP.limit(limits=1, user_api="openmp")
