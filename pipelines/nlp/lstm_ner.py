"""Character-aware BiLSTM-CRF named-entity tagger (torch), and the CRF + BiLSTM-CRF ensemble that is
troopwatch's default NER model.

The network reads, for every token, a frozen word2vec vector of its normalised form and of its
clitic-stripped form (trained on 10M words of news, ``scripts/train_ner_lstm.py``), a character CNN over
the normalised form, embeddings of its distributional cluster ids and word shape, and binary flags for
gazetteer matches and token classes. A bidirectional LSTM over the sentence gives emission scores, and a
linear-chain CRF layer decodes them.

The same :class:`~pipelines.nlp.ner.FeatureExtractor` resources (clusters, counts, gazetteer) serve
the CRF and this model, so both read text the same way.

Speed: everything about a token that does not depend on its neighbours (its embeddings, its character
CNN output and its flags) goes through the network once per distinct token and is memoised as one
vector. For a batch of sentences, the LSTM's input projection runs once per distinct token, and the
recurrence runs by hand over "packed" steps (at step t, only the sentences longer than t), so neither
repeated words nor padding cost anything; a numpy Viterbi decodes. ``tests/test_lstm_ner.py`` checks the
scores against the network's own ``nn.LSTM``.

On a CPU that multiplies bfloat16 matrices natively (AVX512-BF16, AMX), the two products of each token, its
input projection and each step's recurrent product, run in bfloat16 with float32 sums inside; gates, cell
states and scores stay float32. That is four times faster per product, and on 124k news tokens it changed
one tag (``recurrent_dtype="float32"`` keeps everything in float32; a test bounds the difference).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from . import ner

__all__ = ["EnsembleNerTagger", "LstmNerTagger", "TokenEncoder", "build_network", "DEFAULT_LSTM_MODEL_PATH"]

DEFAULT_LSTM_MODEL_PATH = ner.MODELS_DIR / "ner_lstm.pt"
GAZ_TYPES = ("LOC", "TLOC", "TMISC", "TORG", "TPERS", "TWLOC", "TWMISC", "TWORG", "TWPERS", "GLOC", "NPERS")
TOKEN_FLAGS = ("det", "isdigit", "islatin", "ispunct", "hasdiac_or_var")  # as the CRF's features
MAX_CHARS = 24  # longer words keep their first and last 12 characters: the affixes carry the signal
N_CONTEXT_FLAGS = 2 * len(GAZ_TYPES)  # multi-word gazetteer match: B- and I- per type
N_TOKEN_FLAGS = len(GAZ_TYPES) + len(TOKEN_FLAGS)  # single-word gazetteer match per type + token class
_FLAG_COLUMN = {name: len(GAZ_TYPES) + i for i, name in enumerate(TOKEN_FLAGS)}


class TokenEncoder:
    """Maps tokens to the integer ids and flags the network reads.

    ``words`` is the embedding vocabulary (index 0 is padding, 1 unknown), ``chars`` and ``shapes`` the
    character and shape vocabularies (same convention). Cluster ids are the extractor's own (0 is
    unknown, so ids are shifted by one).
    """

    def __init__(self, extractor: ner.FeatureExtractor, words: Sequence[str], chars: Sequence[str],
                 shapes: Sequence[str], cluster_levels: Sequence[int]) -> None:
        self.extractor = extractor
        self.words = list(words)
        self.chars = list(chars)
        self.shapes = list(shapes)
        self.cluster_levels = tuple(cluster_levels)
        self.word_index = {w: i for i, w in enumerate(self.words)}
        self.char_index = {c: i for i, c in enumerate(self.chars)}
        self.shape_index = {s: i for i, s in enumerate(self.shapes)}
        self._gaz_index = {t: i for i, t in enumerate(GAZ_TYPES)}
        self._char_lut = np.ones(0x10000, dtype=np.int64)  # unknown: 1
        for c, i in self.char_index.items():
            if len(c) == 1 and ord(c) < 0x10000:
                self._char_lut[ord(c)] = i

    def cluster_sizes(self) -> list[int]:
        """Number of ids at each used cluster level, +1 for unknown (a level named ``k256`` has 256)."""
        names = [self.extractor.cluster_names[lvl] for lvl in self.cluster_levels]
        if not all(n[:1] == "k" and n[1:].isdigit() for n in names):
            raise ValueError(f"cluster levels must be named k<number of clusters>, not {names}")
        return [int(n[1:]) + 1 for n in names]

    def token(self, tok: str) -> tuple:
        """``(word id, stem id, char ids, cluster ids, shape id, flags, norm, stem)`` of one token."""
        ex = self.extractor
        norm, stem = ex.norm_stem(tok)
        wi = self.word_index
        wid = wi.get(norm, 0) or wi.get(stem, 1)
        sid = wi.get(stem, 1) if stem != norm else wid
        chars = norm if len(norm) <= MAX_CHARS else norm[:MAX_CHARS // 2] + norm[-MAX_CHARS // 2:]
        # code points through a lookup table: a dict lookup per character is the slow part of a new token
        cids = self._char_lut[np.minimum(np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32), 0xFFFF)] \
            if chars else np.ones(1, dtype=np.int64)
        cl = ex.clusters.get(norm) or ex.clusters.get(stem)
        clids = [int(cl[lvl]) + 1 if cl else 0 for lvl in self.cluster_levels]
        shape = ner.word_shape(tok)
        shape_id = self.shape_index.get(shape, 1)
        flags = np.zeros(N_TOKEN_FLAGS, dtype=np.float32)
        # types the network was not trained on (a gazetteer that holds more types than GAZ_TYPES) neither
        # count nor hide the stem's entry
        types = ex.gazetteer.get(norm)
        if not types or types.isdisjoint(self._gaz_index):
            types = ex.gazetteer.get(stem) or ()
        for t in types:
            j = self._gaz_index.get(t)
            if j is not None:
                flags[j] = 1.0
        on = [ner.token_class(tok, shape)]
        if ner.has_determiner(norm):
            on.append("det")
        if ner.is_variant(tok, norm):
            on.append("hasdiac_or_var")
        for name in on:
            if name:
                flags[_FLAG_COLUMN[name]] = 1.0
        return wid, sid, cids, clids, shape_id, flags, norm, stem

    def context_flags(self, norms: Sequence[str], stems: Sequence[str]) -> np.ndarray:
        """Multi-word gazetteer matches of a sentence: ``(len, 2 * types)`` B-/I- flags."""
        out = np.zeros((len(norms), N_CONTEXT_FLAGS), dtype=np.float32)
        k = len(GAZ_TYPES)
        for i, feats in enumerate(self.extractor._gazetteer_feats(norms, stems)):
            for f in feats:  # "gz=B-TYPE"
                j = self._gaz_index.get(f[5:])
                if j is not None:
                    out[i, j if f[3] == "B" else k + j] = 1.0
        return out


def char_matrix(char_ids: Sequence[Sequence[int]]) -> np.ndarray:
    """Tokens' character ids as one ``(tokens, longest)`` matrix, padded with 0."""
    out = np.zeros((len(char_ids), max(len(c) for c in char_ids)), dtype=np.int64)
    for i, c in enumerate(char_ids):
        out[i, :len(c)] = c
    return out


def build_network(n_words: int, n_chars: int, n_shapes: int, cluster_sizes: Sequence[int],
                  word_dim: int = 100, char_dim: int = 32, char_filters: int = 64, cluster_dim: int = 16,
                  shape_dim: int = 8, hidden: int = 128, dropout: float = 0.5, n_tags: int = len(ner.TAGS)):
    """The BiLSTM-CRF network (a ``torch.nn.Module``)."""
    import torch
    from torch import nn

    class BiLstmCrf(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.words = nn.Embedding(n_words, word_dim, padding_idx=0)
            self.words.weight.requires_grad_(False)  # pretrained on 10M words; 125k labelled tokens would only blur it
            self.chars = nn.Embedding(n_chars, char_dim, padding_idx=0)
            self.char_cnn = nn.Conv1d(char_dim, char_filters, kernel_size=3, padding=1)
            self.clusters = nn.ModuleList(nn.Embedding(n, cluster_dim) for n in cluster_sizes)
            self.shapes = nn.Embedding(n_shapes, shape_dim)
            self.token_dim = 2 * word_dim + char_filters + cluster_dim * len(cluster_sizes) + shape_dim + N_TOKEN_FLAGS
            self.dropout = nn.Dropout(dropout)
            self.lstm = nn.LSTM(self.token_dim + N_CONTEXT_FLAGS, hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden, n_tags)
            self.transitions = nn.Parameter(torch.zeros(n_tags, n_tags))  # [from, to]
            self.start = nn.Parameter(torch.zeros(n_tags))
            self.end = nn.Parameter(torch.zeros(n_tags))

        def token_vectors(self, wid, sid, cids, clids, shape, flags):
            """Vectors of tokens (any leading shape); ``cids`` has one more axis (characters)."""
            lead = wid.shape
            c = self.chars(cids.reshape(-1, cids.shape[-1])).transpose(1, 2)  # (N, dim, chars)
            c = torch.relu(self.char_cnn(c))
            c = c.masked_fill((cids.reshape(-1, cids.shape[-1]) == 0).unsqueeze(1), 0.0).max(dim=2).values
            parts = [self.words(wid), self.words(sid), c.reshape(*lead, -1)]
            parts += [emb(clids[..., i]) for i, emb in enumerate(self.clusters)]
            parts += [self.shapes(shape), flags]
            return torch.cat(parts, dim=-1)

        def emissions(self, token_vecs, ctx_flags, lengths):
            x = self.dropout(torch.cat([token_vecs, ctx_flags], dim=-1))
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
            return self.out(self.dropout(h))

        def nll(self, emissions, tags, mask):
            """Mean negative log-likelihood of the gold tag sequences under the CRF."""
            B, T, _ = emissions.shape
            maskf = mask.float()
            # score of the gold path
            first = tags[:, 0]
            score = self.start[first] + emissions[:, 0].gather(1, first[:, None]).squeeze(1)
            for t in range(1, T):
                prev, cur = tags[:, t - 1], tags[:, t]
                step = self.transitions[prev, cur] + emissions[:, t].gather(1, cur[:, None]).squeeze(1)
                score = score + step * maskf[:, t]
            last = tags.gather(1, (mask.sum(1) - 1)[:, None]).squeeze(1)
            score = score + self.end[last]
            # log partition
            alpha = self.start[None] + emissions[:, 0]
            for t in range(1, T):
                nxt = torch.logsumexp(alpha[:, :, None] + self.transitions[None] + emissions[:, t, None, :], dim=1)
                alpha = torch.where(mask[:, t, None], nxt, alpha)
            log_z = torch.logsumexp(alpha + self.end[None], dim=1)
            return (log_z - score).mean()

    return BiLstmCrf()


class LinearChainTagger:
    """Tagging for a model that gives per-token tag scores (``emissions``, columns in
    :data:`~pipelines.nlp.ner.TAGS` order) and ``transitions``/``start``/``end`` scores: Viterbi, then the
    document-consistency pass over ``stems``."""

    transitions: np.ndarray
    start: np.ndarray
    end: np.ndarray

    def emissions(self, sentences: Sequence[Sequence[str]]):
        raise NotImplementedError

    def stems(self, tokens: Sequence[str]) -> list[str]:
        raise NotImplementedError

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags of one sentence (no document context)."""
        return self.tag_batch([tokens], consistency=False)[0]

    def tag_batch(self, sentences: Iterable[Sequence[str]], consistency: bool = True,
                  window: int = ner.DOC_WINDOW, documents: Sequence[int] | None = None) -> list[list[str]]:
        """Tag consecutive sentences of one or more documents; *consistency* and *documents* as in
        :meth:`~pipelines.nlp.ner.CrfNerTagger.tag_batch`."""
        sents = [[t if t else " " for t in s] for s in sentences]
        paths = ner.best_paths(sents, self.emissions, self.transitions, self.start, self.end)
        tags = [ner.repair_bio([ner.TAGS[k] for k in path]) for path in paths]
        if not consistency:
            return tags
        return ner.harmonize_documents(sents, tags, documents, self.stems, window)

    def tag_text(self, text: str) -> list[dict]:
        """Entities of raw text, with character offsets."""
        return ner.tag_text_with(self, text)


_ROW_BLOCK = 64
"""bfloat16 products run on whole blocks of this many rows (the extra rows are ignored): oneDNN caches a
kernel per matrix shape, and one per batch size grew each process by hundreds of MB over a long run."""


def _blocks(n: int) -> int:
    return -(-n // _ROW_BLOCK) * _ROW_BLOCK


def _native_bfloat16(torch) -> bool:
    """Whether this CPU multiplies bfloat16 matrices natively (AVX512-BF16 or AMX): there a bfloat16 matmul
    is about four times as fast as float32; elsewhere torch emulates it, slower than float32."""
    try:
        return bool(torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported())
    except AttributeError:  # torch without these probes: stay on float32
        return False


class LstmNerTagger(LinearChainTagger):
    """The BiLSTM-CRF tagger with a per-token memo (see the module docstring).

    A model file may hold several networks of the same shape over the same vocabularies (trained from
    different seeds): they are one model whose scores are the sum of theirs. They share the token
    encoding and the memo (whose rows hold every network's token vectors), so a second network costs its
    arithmetic, not a second pass over the tokens.
    """

    def __init__(self, model_path: str | os.PathLike | None = None, extractor: ner.FeatureExtractor | None = None,
                 capacity: int = 100_000, threads: int | None = 1, recurrent_dtype: str = "auto") -> None:
        import torch

        self.model_path = Path(model_path) if model_path is not None else DEFAULT_LSTM_MODEL_PATH
        if not self.model_path.exists():
            raise FileNotFoundError(f"NER model not found: {self.model_path} (train it with `make train-ner`)")
        saved = torch.load(self.model_path, map_location="cpu", weights_only=True)
        if not isinstance(saved, dict) or "states" not in saved:
            raise ValueError(f"{self.model_path}: not a BiLSTM-CRF model file of this version "
                             "(retrain it with `make train-ner`)")
        cfg = saved["config"]
        # files from before the name lists hold no list: their networks read the first nine types
        trained_types = tuple(cfg.get("gaz_types", GAZ_TYPES[:9]))
        if trained_types != GAZ_TYPES:
            raise ValueError(f"{self.model_path}: its networks read the gazetteer types {list(trained_types)}, "
                             f"this version feeds {list(GAZ_TYPES)} (retrain it with `make train-ner`)")
        if extractor is None:
            extractor = ner.FeatureExtractor.from_dir(self.model_path.parent)
        self.ensemble_crf_weight = float(cfg.get("ensemble_crf_weight", 1.0))
        self.encoder = TokenEncoder(extractor, cfg["words"], cfg["chars"], cfg["shapes"], cfg["cluster_levels"])
        self.nets = []
        for state in saved["states"]:
            net = build_network(len(cfg["words"]), len(cfg["chars"]), len(cfg["shapes"]),
                                self.encoder.cluster_sizes(), **cfg["network"])
            net.load_state_dict({"words.weight": saved["word_vectors"].float(),
                                 **{k: v.float() for k, v in state.items()}})
            self.nets.append(net.eval())
        if threads:  # one process per core in the pipeline: more threads would only contend
            torch.set_num_threads(threads)
        self._torch = torch
        if recurrent_dtype not in ("auto", "float32", "bfloat16"):
            raise ValueError(f"recurrent_dtype must be auto, float32 or bfloat16, not {recurrent_dtype!r}")
        if recurrent_dtype == "auto":
            recurrent_dtype = "bfloat16" if _native_bfloat16(torch) else "float32"
        self.recurrent_dtype = getattr(torch, recurrent_dtype)
        self._prepare()

        def total(name: str) -> np.ndarray:
            return sum(getattr(net, name).detach().numpy().astype(np.float64) for net in self.nets)

        self.transitions, self.start, self.end = total("transitions"), total("start"), total("end")
        self.capacity = capacity
        self._row: dict[str, int] = {}
        self._norm: list[str] = []
        self._stem: list[str] = []
        # half precision: the memo holds up to `capacity` tokens at 0.7 KB each per network
        self._token_dim = self.nets[0].token_dim
        self._vecs = np.zeros((1024, self._token_dim * len(self.nets)), dtype=np.float16)
        self._uses = np.zeros(1024, dtype=np.int64)

    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> LstmNerTagger:
        return cls(path)

    # -- per-token memo ------------------------------------------------------
    def _add(self, tokens: Iterable[str]) -> None:
        distinct = list(dict.fromkeys(tokens))
        new = [t for t in distinct if t not in self._row]
        if not new:
            return
        if len(self._row) + len(new) > self.capacity:
            self._evict(len(new))
            new = [t for t in distinct if t not in self._row]
        torch = self._torch
        enc = [self.encoder.token(t) for t in new]
        inputs = (torch.tensor([e[0] for e in enc]), torch.tensor([e[1] for e in enc]),
                  torch.from_numpy(char_matrix([e[2] for e in enc])), torch.tensor([e[3] for e in enc]),
                  torch.tensor([e[4] for e in enc]), torch.from_numpy(np.stack([e[5] for e in enc])))
        with torch.inference_mode():
            vecs = torch.cat([net.token_vectors(*inputs) for net in self.nets], dim=1).numpy()
        base = len(self._row)
        need = base + len(new)
        if need > len(self._vecs):
            size = max(need, 2 * len(self._vecs))
            grown = np.zeros((size, self._vecs.shape[1]), dtype=self._vecs.dtype)
            grown[:base] = self._vecs[:base]
            self._vecs = grown
            self._uses = np.concatenate([self._uses, np.zeros(size - len(self._uses), dtype=np.int64)])
        self._vecs[base:need] = vecs
        self._uses[base:need] = 0
        for i, (t, e) in enumerate(zip(new, enc, strict=True)):
            self._row[t] = base + i
            self._norm.append(e[6])
            self._stem.append(e[7])

    def _evict(self, room: int) -> None:
        """Keep the most used tokens (at most half the memo), leaving room for *room* new ones."""
        n = len(self._norm)
        keep_n = max(0, min(n, self.capacity // 2, self.capacity - room))
        keep = np.sort(np.argsort(-self._uses[:n], kind="stable")[:keep_n])
        tokens = list(self._row)  # insertion order is row order
        self._row = {tokens[k]: j for j, k in enumerate(keep.tolist())}
        self._norm = [self._norm[k] for k in keep]
        self._stem = [self._stem[k] for k in keep]
        self._vecs[:keep_n] = self._vecs[keep]
        self._uses[:keep_n] = self._uses[keep] // 2
        self._uses[keep_n:] = 0

    # -- scoring -----------------------------------------------------------------
    def _prepare(self) -> None:
        """Each network's weights split for :meth:`emissions`: the input projection of the memoised token
        part, of the context flags, and the recurrent matrices of both directions.

        The cell-input gate's columns are doubled, so that :meth:`_recur` gets ``2x`` and computes
        ``tanh(x)`` as ``2 * sigmoid(2x) - 1``: one sigmoid over all four gates instead of a sigmoid and a
        tanh. On this CPU torch's tanh costs about eight times its sigmoid, and it was half of each step."""
        torch, d, dtype = self._torch, self.nets[0].token_dim, self.recurrent_dtype
        self._weights = []
        with torch.no_grad():
            for net in self.nets:
                lstm = net.lstm
                H = lstm.hidden_size
                gate_scale = torch.ones(4 * H)
                gate_scale[2 * H:3 * H] = 2.0
                w_f, w_r = lstm.weight_ih_l0, lstm.weight_ih_l0_reverse
                self._weights.append({
                    # per direction (forward, reverse)
                    "tok": tuple((w[:, :d].T * gate_scale).to(dtype).contiguous() for w in (w_f, w_r)),
                    "ctx": tuple((w[:, d:].T * gate_scale).contiguous() for w in (w_f, w_r)),
                    "bias": ((lstm.bias_ih_l0 + lstm.bias_hh_l0) * gate_scale,
                             (lstm.bias_ih_l0_reverse + lstm.bias_hh_l0_reverse) * gate_scale),
                    "hh": tuple((w.T * gate_scale).to(dtype).contiguous()
                                for w in (lstm.weight_hh_l0, lstm.weight_hh_l0_reverse)),
                    "out": (net.out.weight[:, :H].T.contiguous(), net.out.weight[:, H:].T.contiguous()),
                    "out_bias": net.out.bias.clone()})

    def _recur(self, table, w_hh, steps, inv, n_tok):
        """One LSTM direction. *steps* holds, for each time step, the positions of the tokens of the sentences
        still running then (longest sentences first), so padding costs nothing; a token's projected input is
        row ``inv[position]`` of *table* (cell-input gate doubled, see :meth:`_prepare`)."""
        torch = self._torch
        H = w_hh.shape[0]
        h = table.new_zeros((len(steps[0]), H))
        c = table.new_zeros((len(steps[0]), H))
        out = table.new_empty((n_tok, H))
        low = w_hh.dtype != table.dtype
        if low:  # h in bfloat16, in a buffer of whole row blocks (see _ROW_BLOCK)
            h_low = table.new_zeros((_blocks(len(steps[0])), H), dtype=w_hh.dtype)
        for pos in steps:
            n = len(pos)
            rows = table.index_select(0, torch.from_numpy(inv[pos]))
            if low:  # a bfloat16 product (float32 sums inside), added to the float32 inputs
                gates = torch.sigmoid(rows.add_(torch.mm(h_low[:_blocks(n)], w_hh)[:n]))
            else:
                gates = torch.sigmoid(torch.addmm(rows, h[:n], w_hh))
            cell_in = gates[:, 2 * H:3 * H].mul(2.0).sub_(1.0)  # tanh of the cell-input gate
            c = torch.addcmul(gates[:, H:2 * H] * c[:n], gates[:, :H], cell_in)
            h = torch.sigmoid(c * 2.0).mul_(2.0).sub_(1.0).mul_(gates[:, 3 * H:])  # o * tanh(c)
            if low:
                h_low[:n].copy_(h)
            out.index_copy_(0, torch.from_numpy(pos), h)
        return out

    def emissions(self, sentences: Sequence[Sequence[str]], chunk: int = 1024):
        """Per-token tag scores (columns in :data:`~pipelines.nlp.ner.TAGS` order) of non-empty sentences,
        as one ``(tokens, tags)`` float64 array (the sum of the networks'), and the sentence lengths."""
        torch = self._torch
        lens = np.fromiter((len(s) for s in sentences), dtype=np.int64, count=len(sentences))
        starts = np.cumsum(lens) - lens
        scores = np.zeros((int(lens.sum()), len(ner.TAGS)))
        order = np.argsort(-lens, kind="stable")
        d = self._token_dim
        for lo in range(0, len(order), chunk):
            idx = order[lo:lo + chunk]  # longest first
            sents = [sentences[i] for i in idx]
            self._add(t for s in sents for t in s)
            rows = np.fromiter((self._row[t] for s in sents for t in s), dtype=np.int64)
            self._uses += np.bincount(rows, minlength=len(self._uses))
            ln = lens[idx]
            first = np.cumsum(ln) - ln
            uniq, inv = np.unique(rows, return_inverse=True)
            ctx, hit = None, np.zeros(0, dtype=np.int64)
            if self.encoder.extractor.gaz_max_len > 1:
                ctx = np.concatenate([self.encoder.context_flags([self._norm[j] for j in r], [self._stem[j] for j in r])
                                      for r in np.split(rows, first[1:])])
                hit = np.flatnonzero(ctx.any(axis=1))
                own = inv[hit]
                if len(hit):  # tokens inside a multi-word gazetteer match get rows of their own
                    inv[hit] = len(uniq) + np.arange(len(hit))
            live = np.searchsorted(-ln, -np.arange(int(ln[0])), side="left")  # sentences longer than t
            fwd = [first[:n] + t for t, n in enumerate(live)]
            rev = [first[:n] + ln[:n] - 1 - t for t, n in enumerate(live)]
            em = torch.zeros((len(rows), len(ner.TAGS)))
            with torch.inference_mode():
                vecs = torch.zeros((_blocks(len(uniq)), self._vecs.shape[1]), dtype=self.recurrent_dtype)
                vecs[:len(uniq)] = torch.from_numpy(self._vecs[uniq])
                if len(hit):
                    own_t, ctx_hit = torch.from_numpy(own), torch.from_numpy(ctx[hit])
                for k, w in enumerate(self._weights):
                    part = vecs[:, k * d:(k + 1) * d]
                    em.add_(w["out_bias"])
                    for way, steps in enumerate((fwd, rev)):
                        # the input projection once per distinct token of the chunk; each step gathers its rows
                        table = torch.mm(part, w["tok"][way])[:len(uniq)].float().add_(w["bias"][way])
                        if len(hit):
                            table = torch.cat([table, table[own_t].addmm_(ctx_hit, w["ctx"][way])])
                        h = self._recur(table, w["hh"][way], steps, inv, len(rows))
                        em.addmm_(h, w["out"][way])
            # back to the callers' order
            scores[np.concatenate([np.arange(starts[i], starts[i] + lens[i]) for i in idx])] = em.numpy()
        return scores, lens

    def stems(self, tokens: Sequence[str]) -> list[str]:
        self._add(tokens)
        return [self._stem[self._row[t]] for t in tokens]


class EnsembleNerTagger(LinearChainTagger):
    """The CRF and the BiLSTM-CRF as one model: their per-token tag scores and transition scores are summed
    (a product of experts; both are linear-chain models over the same tags) and one Viterbi decodes the sum.
    The two make different errors (sparse lexical features vs. dense vectors and a whole-sentence LSTM), and
    the sum beats either on dev (see the model card)."""

    def __init__(self, crf: ner.CrfNerTagger, lstm: LstmNerTagger, crf_weight: float = 1.0) -> None:
        self.crf, self.lstm, self.crf_weight = crf, lstm, crf_weight
        perm = [crf.scorer.labels.index(t) for t in ner.TAGS]
        self._perm = np.asarray(perm)
        w = crf_weight
        self.transitions = w * crf.scorer.transitions[np.ix_(perm, perm)] + lstm.transitions
        self.start, self.end = lstm.start, lstm.end

    @classmethod
    def load(cls, crf_path: str | os.PathLike | None = None, lstm_path: str | os.PathLike | None = None,
             crf_weight: float | None = None) -> EnsembleNerTagger:
        crf = ner.CrfNerTagger.load(crf_path)
        lstm = LstmNerTagger(lstm_path, extractor=crf.extractor)
        return cls(crf, lstm, lstm.ensemble_crf_weight if crf_weight is None else crf_weight)

    def emissions(self, sentences: Sequence[Sequence[str]]):
        crf_scores, lens = self.crf.scorer.emissions(sentences)
        lstm_scores, _ = self.lstm.emissions(sentences)
        return self.crf_weight * crf_scores[:, self._perm] + lstm_scores, lens

    def stems(self, tokens: Sequence[str]) -> list[str]:
        return self.crf.scorer.stems(tokens)
