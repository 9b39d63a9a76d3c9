#!/usr/bin/env python3
"""Signals during `rank -o`: the output is whole or absent, and no temporary file is left.

usage: signals.py ESS_EVAL DOSSIERS OUT REFERENCE SIGNAL ROUNDS [--replace]

Runs `ess-eval rank -f json DOSSIERS -o OUT` ROUNDS times, each killed by SIGNAL: on even
rounds after a delay spread over the run's own duration (measured first), so that the signal
lands while files are read and rows sorted; on odd rounds as soon as the report's temporary
file exists (a name in OUT's folder, or a descriptor of the process open there), so that it
lands while the report is written. After each round: OUT is absent or equal to REFERENCE, and
the folder of OUT holds nothing else. With --replace, OUT holds an old report before each
round, and must hold it or the new one after. Started from Python, the child gets SIGINT with its
default action (a shell's `&` would ignore it). Prints one line per round; exits 1 on the
first broken promise.
"""
import os
import signal
import subprocess
import sys
import time


def writing(pid, folder, out):
    """Whether the process has its temporary file for OUT: named, or open without a name."""
    if any(name != os.path.basename(out) for name in os.listdir(folder)):
        return True
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}").startswith(folder + "/"):
                return True
        except OSError:
            pass
    return False


def main():
    ess, dossiers, out, reference, signame, rounds = sys.argv[1:7]
    replace = "--replace" in sys.argv[7:]
    old = b"an old report\n"
    sig = getattr(signal, signame)
    rounds = int(rounds)
    folder = os.path.dirname(os.path.abspath(out))
    expected = open(reference, "rb").read()
    cmd = [ess, "rank", "-f", "json", "--quiet", dossiers, "-o", out]

    start = time.monotonic()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    duration = time.monotonic() - start
    os.remove(out)

    completed = at_write = 0
    for i in range(rounds):
        if replace:
            with open(out, "wb") as f:
                f.write(old)
        child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if i % 2 == 0:
            # From 5 % to 95 % of a run.
            delay = duration * (0.05 + 0.9 * i / max(rounds - 1, 1))
            time.sleep(delay)
            when = f"after {delay:.2f}s"
        else:
            while child.poll() is None and not writing(child.pid, folder, out):
                time.sleep(0.0005)
            when = "while writing"
            at_write += child.poll() is None
        child.send_signal(sig)
        rc = child.wait(timeout=60)
        left = sorted(os.listdir(folder))
        extra = [name for name in left if name != os.path.basename(out)]
        state = "absent"
        if os.path.exists(out):
            got = open(out, "rb").read()
            state = "whole" if got == expected else "old" if got == old else "PARTIAL"
        if state == "absent" and replace:
            state = "LOST"
        print(f"  {signame} {when}: exit {rc}, output {state}, "
              f"left {extra if extra else 'nothing'}")
        if state in ("PARTIAL", "LOST") or extra:
            return 1
        if rc not in (0, -sig):
            print(f"  unexpected exit status {rc}")
            return 1
        completed += rc == 0
        if os.path.exists(out):
            os.remove(out)
    if completed == rounds or at_write == 0:
        print("  no round was interrupted (while writing): the run is too short to test anything")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
