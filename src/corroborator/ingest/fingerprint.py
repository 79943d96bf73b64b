"""Document identity: the id is a hash of the normalised body; near-duplicates share MinHash bands."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np
from datasketch import MinHash

_WORD = re.compile(r"\w+", re.UNICODE)

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.6 Jaccard of shingles collide with high probability
ROWS = NUM_PERM // BANDS
SHINGLE = 3
NEAR_DUPLICATE_JACCARD = 0.7
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are only comparable within one


def normalise(body: str) -> str:
    """The body as compared for identity: NFKC, case-folded, words only."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", body).casefold()))


def document_id(body: str) -> str:
    """A document's id: the first 16 hex digits of the SHA-256 of its normalised body."""
    return hashlib.sha256(normalise(body).encode("utf-8")).hexdigest()[:16]


def minhash(body: str) -> MinHash:
    """MinHash signature over word 3-shingles of the normalised body."""
    words = normalise(body).split()
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    signature = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    signature.update_batch([s.encode("utf-8") for s in shingles])
    return signature


def bands(signature: MinHash) -> list[bytes]:
    """LSH band keys of a signature: documents sharing any key are near-duplicate candidates."""
    values = signature.hashvalues
    return [
        band.to_bytes(1, "big") + hashlib.blake2b(values[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8).digest()
        for band in range(BANDS)
    ]


def to_bytes(signature: MinHash) -> bytes:
    """A signature as stored: its hash values, little-endian."""
    return signature.hashvalues.astype("<u4").tobytes()


def from_bytes(blob: bytes) -> MinHash:
    """A stored signature back as a MinHash."""
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(blob, dtype="<u4"), scheme=SCHEME)
