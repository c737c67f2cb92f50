#!/usr/bin/python3
"""A virtual contactless card for Yishi's PC/SC tests, run against pcscd's vpcd reader.

Connecting to vpcd inserts the card into "Virtual PCD 00 <n>"; the process ending removes it. It answers
what a canteen card answers at a PC/SC reader:

  FF CA 00 00 Le   GET DATA (UID)   -> the UID and 90 00, or 6A 81 with --unsupported
  00 A4 04 00 ...  SELECT by AID    -> 90 00 for the Yishi canteen application (with --elder-no), else 6A 82
  00 B0 00 00 Le   READ BINARY      -> the elder number file and 90 00

--vanish-on-get-data exits without answering GET DATA: a card pulled from the reader mid-read.

Runs with Debian's /usr/bin/python3 and python3-virtualsmartcard. Debian's package imports `Crypto` but ships
pycryptodome as `Cryptodome`, and installs outside sys.path; both are patched here before the import.
"""
import argparse
import logging
import os
import socket
import sys
import time

sys.path.insert(0, "/usr/lib/python3/site-packages/virtualsmartcard")
import Cryptodome  # noqa: E402

sys.modules["Crypto"] = Cryptodome
from virtualsmartcard.VirtualSmartcard import SmartcardOS, VirtualICC  # noqa: E402

# PC/SC part 3 ATR of a MIFARE Classic 1K seen through a contactless reader.
CONTACTLESS_ATR = bytes.fromhex("3B8F8001804F0CA000000306030001000000006A")
YISHI_AID = bytes.fromhex("F059495348490001")
OK = b"\x90\x00"


class CanteenCardOS(SmartcardOS):
    def __init__(self, uid, unsupported, elder_no, vanish_on_get_data):
        self.uid = uid
        self.unsupported = unsupported
        self.elder_file = elder_no.encode("ascii") if elder_no else None
        self.vanish_on_get_data = vanish_on_get_data
        self.selected = False

    def getATR(self):
        return CONTACTLESS_ATR

    def execute(self, msg):
        apdu = bytes(msg)
        if len(apdu) < 4:
            return b"\x67\x00"
        cla, ins, p1, p2 = apdu[0], apdu[1], apdu[2], apdu[3]
        if (cla, ins, p1, p2) == (0xFF, 0xCA, 0x00, 0x00):
            if self.vanish_on_get_data:
                os._exit(0)
            if self.unsupported:
                return b"\x6A\x81"
            return self.uid + OK
        if (cla, ins, p1, p2) == (0x00, 0xA4, 0x04, 0x00) and len(apdu) >= 5:
            aid = apdu[5:5 + apdu[4]]
            self.selected = self.elder_file is not None and aid == YISHI_AID
            return OK if self.selected else b"\x6A\x82"
        if (cla, ins) == (0x00, 0xB0):
            if not self.selected:
                return b"\x69\x86"
            return self.elder_file + OK
        return b"\x6D\x00"


class QuickAckSocket:
    """vpcd writes each message as two segments; without an immediate ACK, Nagle on its side and delayed ACK on
    ours add 40 ms to every APDU, which a USB reader does not have. Re-arm TCP_QUICKACK before each read."""

    def __init__(self, sock):
        self.sock = sock
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def recv(self, size):
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        return self.sock.recv(size)

    def __getattr__(self, name):
        return getattr(self.sock, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uid", required=True, help="card UID as hex, most significant byte first")
    parser.add_argument("--port", type=int, default=35963, help="vpcd port: 35963 for reader 00 00, 35964 for 00 01")
    parser.add_argument("--unsupported", action="store_true", help="answer 6A 81 to GET DATA")
    parser.add_argument("--elder-no", help="elder number held in the Yishi application file")
    parser.add_argument("--vanish-on-get-data", action="store_true", help="exit instead of answering GET DATA")
    args = parser.parse_args()

    card = VirtualICC(None, "iso7816", "localhost", args.port, logginglevel=logging.WARNING)
    card.sock = QuickAckSocket(card.sock)
    card.os = CanteenCardOS(bytes.fromhex(args.uid), args.unsupported, args.elder_no, args.vanish_on_get_data)
    # CLOCK_MONOTONIC, the clock Java's System.nanoTime() reads on Linux: lets the test time tap-to-UID.
    print("inserted", time.monotonic_ns(), flush=True)
    card.run()


if __name__ == "__main__":
    main()
