"""Speed and scale benchmark of the `rag` product: `python -m bench --help`.

Sections: cold start of `rag ask` as a fresh process, warm in-process latency of
``Answerer.answer`` and of retrieval against the plain encode+FAISS floor, query-encoder
agreement with the reference, index builds (time, peak memory, incremental), and FAISS
search at scale. Prints a table and writes ``bench/results/<timestamp>.json``.
"""
