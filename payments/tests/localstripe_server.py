"""Run localstripe for the tests: bound to 127.0.0.1 only (its own start() binds every interface) and
with its disk persistence switched off (it pickles its whole state to /tmp/localstripe.pickle on each
change otherwise).

    python -m payments.tests.localstripe_server PORT
"""

import sys

from aiohttp import web
from localstripe import resources, server


def main(port: int) -> None:
    resources.Store.dump_to_disk = lambda self: None
    resources.Store.try_load_from_disk = lambda self: None
    web.run_app(server.app, host="127.0.0.1", port=port, print=None, access_log=None)


if __name__ == "__main__":
    main(int(sys.argv[1]))
