"""Training throughput of the auglove BiLSTM in PyTorch, for comparison with the DJL version.

The same model as io.auglove.models.lstm.BiLstmRegressor: a bidirectional LSTM (hidden 32 each
way) whose final states (forward after the last step, backward after the first) are concatenated,
dropout 0.4, a dense layer of 64 ReLU units and one output; Adam (lr 1e-3), mean squared error,
batch 8, a fresh shuffle each epoch. Two inputs: 17 AU intensities per step, and token ids
through a trainable embedding initialised from a table (V x d).

Synthetic data: N sequences of T steps, all of the same length, so the final states are the
LSTM's h_n (variable lengths go through pack_padded_sequence). Two epochs per input: the first
warms up, the second is measured. Prints one JSON line:

  {"torch_version": ..., "threads": ..., "sequences": N, "steps": T,
   "aus_warmup_seq_per_s": ..., "aus_seq_per_s": ...,
   "embedding_warmup_seq_per_s": ..., "embedding_seq_per_s": ...}

or {"error": ...} (exit status 3) when torch cannot be imported.
"""

import argparse
import json
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sequences", type=int, default=256)
    parser.add_argument("--steps", type=int, default=500)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--vocabulary", type=int, default=1000)
    parser.add_argument("--dimension", type=int, default=50)
    parser.add_argument("--hidden", type=int, default=32)
    parser.add_argument("--dense", type=int, default=64)
    parser.add_argument("--dropout", type=float, default=0.4)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    try:
        import torch
        from torch import nn
        from torch.nn.utils.rnn import pack_padded_sequence
    except ImportError as e:
        print(json.dumps({"error": "torch cannot be imported by %s: %s" % (sys.executable, e)}))
        sys.exit(3)

    torch.set_num_threads(args.threads)
    try:
        torch.set_num_interop_threads(args.threads)
    except RuntimeError:
        pass  # already set: only possible before the first parallel work
    torch.manual_seed(args.seed)

    class BiLstm(nn.Module):
        def __init__(self, features, table=None):
            super().__init__()
            self.embedding = (
                None if table is None else nn.Embedding.from_pretrained(table, freeze=False))
            self.lstm = nn.LSTM(features, args.hidden, batch_first=True, bidirectional=True)
            self.dropout = nn.Dropout(args.dropout)
            self.dense = nn.Linear(2 * args.hidden, args.dense)
            self.output = nn.Linear(args.dense, 1)

        def forward(self, x, lengths):
            if self.embedding is not None:
                x = self.embedding(x)
            if bool((lengths == x.shape[1]).all()):
                _, (h, _) = self.lstm(x)
            else:
                packed = pack_padded_sequence(
                    x, lengths, batch_first=True, enforce_sorted=False)
                _, (h, _) = self.lstm(packed)
            state = torch.cat([h[0], h[1]], dim=1)
            return self.output(torch.relu(self.dense(self.dropout(state))))

    def throughput(model, inputs, targets):
        lengths = torch.full((inputs.shape[0],), inputs.shape[1], dtype=torch.long)
        optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
        loss_function = nn.MSELoss()
        model.train()
        rates = []
        for _ in range(2):
            order = torch.randperm(inputs.shape[0])
            start = time.perf_counter()
            total = 0.0
            for b in range(0, inputs.shape[0], args.batch):
                batch = order[b:b + args.batch]
                optimizer.zero_grad()
                loss = loss_function(model(inputs[batch], lengths[batch]), targets[batch])
                loss.backward()
                optimizer.step()
                total += loss.item() * len(batch)
            rates.append(inputs.shape[0] / (time.perf_counter() - start))
        return rates

    n, t = args.sequences, args.steps
    targets = torch.rand(n, 1) * 2 - 1
    aus = torch.rand(n, t, 17) * 5
    aus_rates = throughput(BiLstm(17), aus, targets)
    ids = torch.randint(0, args.vocabulary, (n, t))
    table = torch.rand(args.vocabulary, args.dimension) * 2 - 1
    embedding_rates = throughput(BiLstm(args.dimension, table), ids, targets)

    print(json.dumps({
        "torch_version": torch.__version__,
        "threads": torch.get_num_threads(),
        "sequences": n,
        "steps": t,
        "aus_warmup_seq_per_s": aus_rates[0],
        "aus_seq_per_s": aus_rates[1],
        "embedding_warmup_seq_per_s": embedding_rates[0],
        "embedding_seq_per_s": embedding_rates[1],
    }))


if __name__ == "__main__":
    main()
