#!/usr/bin/python3
"""gRPC interop client on Debian's grpcio (run with /usr/bin/python3, not a pyenv python).

    /usr/bin/python3 tests/python/interop_client.py --host 127.0.0.1 --port 50051 --test_case all

Prints one line per case (PASS/FAIL name, and why) and exits 0 only if every case passed.
"""

import argparse
import sys
import time
import traceback

import grpc

import interop_cases
from interop_protos import DEFAULT_PROTOSET, Protos


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", "--server_host", default="127.0.0.1")
    parser.add_argument("--port", "--server_port", type=int, required=True)
    parser.add_argument("--test_case", default="all",
                        help="a case name, a comma-separated list, or 'all': " + ", ".join(interop_cases.ALL))
    parser.add_argument("--server_checks_compression", default="true", choices=["true", "false"],
                        help="false for servers without the CompressedRequest feature (grpc-js): no probes")
    parser.add_argument("--protoset", default=DEFAULT_PROTOSET,
                        help="FileDescriptorSet written by the build of tests/ActorTrading.Grpc.Interop")
    return parser.parse_args(argv)


def run_case(cases, name):
    started = time.monotonic()
    try:
        getattr(cases, name)()
    except grpc.RpcError as e:
        return False, "rpc failed: %s %s" % (e.code(), e.details())
    except Exception as e:  # any failure of the case, reported on its line
        detail = str(e) or type(e).__name__
        return False, "%s (%s)" % (detail, traceback.extract_tb(e.__traceback__)[-1].lineno)
    elapsed = (time.monotonic() - started) * 1000
    note = interop_cases.NOTES.get(name)
    return True, "%.0f ms%s" % (elapsed, "; note: " + note if note else "")


def main(argv):
    args = parse_args(argv)
    names = interop_cases.ALL if args.test_case == "all" else args.test_case.split(",")
    unknown = [n for n in names if n not in interop_cases.ALL]
    if unknown:
        print("unknown test case(s): %s" % ", ".join(unknown))
        return 2
    protos = Protos(args.protoset)
    failed = 0
    for name in names:
        # a fresh channel per case, so that one case cannot disturb the next
        with grpc.insecure_channel("%s:%d" % (args.host, args.port)) as channel:
            cases = interop_cases.Cases(channel, protos, args.server_checks_compression == "true")
            ok, detail = run_case(cases, name)
        failed += 0 if ok else 1
        print("%s %s: %s" % ("PASS" if ok else "FAIL", name, detail), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
