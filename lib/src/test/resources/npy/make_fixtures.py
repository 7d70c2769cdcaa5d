#!/usr/bin/env python3
"""Writes the .npy fixtures of NpyTest and ExplainCommandTest with NumPy itself, so the reader is tested against
files NumPy wrote, not against our own writer. The files are committed; the tests need no Python.

Run from this folder:  python3 make_fixtures.py   (NumPy 1.x or 2.x; Debian: apt-get install python3-numpy)
"""
import numpy as np

# The golden values the tests expect: -3.0, -2.5, ..., 8.5 in shape (2, 3, 4), exact in float16, float32 and float64.
GOLDEN = np.arange(24, dtype=np.float64).reshape(2, 3, 4) * 0.5 - 3
INTS = np.arange(24).reshape(2, 3, 4) - 5          # -5 .. 18
UINT8 = (np.arange(24) + 200).reshape(2, 3, 4)     # 200 .. 223: above 127, so a signed misread shows
BOOLS = (np.arange(24) % 3 == 0).reshape(2, 3, 4)


def save(name, array, version=None):
    if version is None:
        np.save(name, array)
    else:
        with open(name, "wb") as f:
            np.lib.format.write_array(f, array, version=version)


# read: both byte orders, both memory orders, every type the reader supports, header versions 2.0 and 3.0
save("f4-little-c.npy", GOLDEN.astype("<f4"))
save("f4-big-c.npy", GOLDEN.astype(">f4"))
save("f4-little-fortran.npy", np.asfortranarray(GOLDEN.astype("<f4")))
save("f4-big-fortran.npy", np.asfortranarray(GOLDEN.astype(">f4")))
save("f8-little.npy", GOLDEN.astype("<f8"))
save("f8-big-fortran.npy", np.asfortranarray(GOLDEN.astype(">f8")))
save("f2-big.npy", GOLDEN.astype(">f2"))
save("i1.npy", INTS.astype("|i1"))
save("u1.npy", UINT8.astype("|u1"))
save("i4-big.npy", INTS.astype(">i4"))
save("i8-little-fortran.npy", np.asfortranarray(INTS.astype("<i8")))
save("bool.npy", BOOLS)
save("f4-version2.npy", GOLDEN.astype("<f4"), version=(2, 0))
save("f4-version3.npy", GOLDEN.astype(">f4"), version=(3, 0))
save("scalar.npy", np.float32(2.5))
save("empty.npy", np.zeros((0, 3), dtype="<f4"))
# slices along the first axis of a 4-D Fortran array: entry (n, c, h, w) holds n*1000 + c*100 + h*10 + w
grid = np.fromfunction(lambda n, c, h, w: n * 1000 + c * 100 + h * 10 + w, (5, 2, 3, 4))
save("grid-big-fortran.npy", np.asfortranarray(grid.astype(">f4")))

# refused, each with its type named
save("complex64.npy", GOLDEN.astype(np.complex64))
save("int16.npy", INTS.astype("<i2"))
save("uint16.npy", (INTS % 7).astype(">u2"))
save("strings.npy", np.array(["cat", "dog"]))
save("objects.npy", np.array([{"a": 1}, None], dtype=object))
save("structured.npy", np.zeros(3, dtype=[("image", "<f4"), ("label", "<i4")]))
save("datetime.npy", np.array(["2024-01-01"], dtype="datetime64[s]"))

# damaged: cut short, or longer than the header says
whole = open("f4-little-c.npy", "rb").read()
open("truncated.npy", "wb").write(whole[:-8])
open("trailing-bytes.npy", "wb").write(whole + b"\0" * 16)

# the command line: the first two images of ../torchscript/gap/x.npy, little-endian C order (the reference),
# big-endian, and Fortran order
x = np.load("../torchscript/gap/x.npy")[:2]
save("x2-little.npy", x.astype("<f4"))
save("x2-big.npy", x.astype(">f4"))
save("x2-fortran.npy", np.asfortranarray(x.astype("<f4")))
