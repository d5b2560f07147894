"""One Checker shared by threads gives each thread the reports it would get alone."""
import sys
import threading

from helpers import SEED, SYNTHETIC
from ledgerlint import Checker


def findings(report):
    return [(f.rule, f.line, f.status, f.message) for f in report.findings]


def test_two_threads_with_one_checker_get_the_reports_of_one_after_the_other():
    files = [SEED, SYNTHETIC[0], SYNTHETIC[1]] * 3
    alone = [findings(Checker().check_file(path)) for path in files]
    shared = Checker()
    results: dict[int, list] = {}

    def work(indexes):
        for i in indexes:
            results[i] = findings(shared.check_file(files[i]))
    threads = [threading.Thread(target=work, args=(range(start, len(files), 2),)) for start in (0, 1)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)           # switch threads often, as a busy server would, so a race shows
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert [results[i] for i in range(len(files))] == alone
    assert any(alone)             # findings that a race could lose or mix up
