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

The same model also trains and predicts on real data, as the reference the Java model is checked
against (io.auglove.pipelines.bench.PyTorchBiLstm):

  bilstm_benchmark.py fit DATA STATE     trains on DATA's train rows, stopping early on its
                                         validation rows; saves the best epoch's weights to STATE
                                         and prints {"epochs": n, "best_epoch": b}
  bilstm_benchmark.py predict DATA STATE prints {"outputs": [...]}, one per predict row of DATA

DATA is text: a JSON line of settings (input "aus" or "tokens", readout "final" or "mean", hidden,
dense, dropout, lr, batch, max_epochs, patience, seed, threads, vocabulary, embedding, frozen),
then one line per sequence, "ROLE<TAB>TARGET<TAB>VALUES" (ROLE train, validation or predict;
VALUES the steps' 17 AUs or token ids, space-separated, already subsampled; targets already
scaled to [-1, 1]), and for a pretrained embedding one "table<TAB>0<TAB>VALUES" line per token.
Training follows the Java fit: Adam, mean squared error, batches of consecutive sequences of a
fresh shuffle each epoch, the validation loss after each epoch in inference mode, the epoch with
the strictly lowest loss kept, and a stop once `patience` epochs have not improved on it.
"""

import argparse
import json
import sys
import time


def main():
    if len(sys.argv) > 1 and sys.argv[1] in ("fit", "predict"):
        twin(sys.argv[1], sys.argv[2], sys.argv[3])
        return
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


def twin(mode, data_path, state_path):
    try:
        import torch
        from torch import nn
        from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence
    except ImportError as e:
        print(json.dumps({"error": "torch cannot be imported by %s: %s" % (sys.executable, e)}))
        sys.exit(3)

    with open(data_path) as f:
        settings = json.loads(f.readline())
        rows = {"train": [], "validation": [], "predict": [], "table": []}
        for line in f:
            role, target, values = line.rstrip("\n").split("\t")
            rows[role].append((float(target), values))
    torch.set_num_threads(settings["threads"])
    torch.manual_seed(settings["seed"])
    tokens = settings["input"] == "tokens"

    def tensors(role):
        sequences = []
        for _, values in rows[role]:
            if tokens:
                sequences.append(torch.tensor([int(v) for v in values.split(" ")]))
            else:
                sequences.append(torch.tensor([float(v) for v in values.split(" ")]).view(-1, 17))
        targets = torch.tensor([[t] for t, _ in rows[role]], dtype=torch.float32)
        return sequences, targets

    class Twin(nn.Module):
        def __init__(self):
            super().__init__()
            if not tokens:
                self.embedding, features = None, 17
            elif rows["table"]:
                table = torch.tensor([[float(v) for v in values.split(" ")]
                                      for _, values in rows["table"]])
                self.embedding = nn.Embedding.from_pretrained(table, freeze=settings["frozen"])
                features = table.shape[1]
            else:
                self.embedding = nn.Embedding(settings["vocabulary"], settings["embedding"])
                features = settings["embedding"]
            self.lstm = nn.LSTM(features, settings["hidden"], batch_first=True, bidirectional=True)
            self.dropout = nn.Dropout(settings["dropout"])
            self.dense = nn.Linear(2 * settings["hidden"], settings["dense"])
            self.output = nn.Linear(settings["dense"], 1)

        def forward(self, batch):
            lengths = torch.tensor([len(s) for s in batch])
            padded = nn.utils.rnn.pad_sequence(batch, batch_first=True)
            if self.embedding is not None:
                padded = self.embedding(padded)
            packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
            outputs, (h, _) = self.lstm(packed)
            if settings["readout"] == "final":
                state = torch.cat([h[0], h[1]], dim=1)
            else:
                outputs, _ = pad_packed_sequence(outputs, batch_first=True)
                state = outputs.sum(dim=1) / lengths.unsqueeze(1).to(outputs.dtype)
            return self.output(torch.relu(self.dense(self.dropout(state))))

    def outputs(model, sequences):
        model.eval()
        with torch.no_grad():
            return torch.cat([model(sequences[b:b + settings["batch"]])
                              for b in range(0, len(sequences), settings["batch"])])

    model = Twin()
    if mode == "predict":
        model.load_state_dict(torch.load(state_path))
        sequences, _ = tensors("predict")
        print(json.dumps({"outputs": outputs(model, sequences).view(-1).tolist()}))
        return

    train, train_targets = tensors("train")
    validation, validation_targets = tensors("validation")
    optimizer = torch.optim.Adam(model.parameters(), lr=settings["lr"])
    loss_function = nn.MSELoss()
    best_loss, best_epoch, epoch = float("inf"), 0, 0
    for epoch in range(1, settings["max_epochs"] + 1):
        model.train()
        order = torch.randperm(len(train)).tolist()
        for b in range(0, len(order), settings["batch"]):
            batch = order[b:b + settings["batch"]]
            optimizer.zero_grad()
            loss = loss_function(model([train[i] for i in batch]), train_targets[batch])
            loss.backward()
            optimizer.step()
        if not validation:
            best_epoch = epoch
            torch.save(model.state_dict(), state_path)
            continue
        loss = loss_function(outputs(model, validation), validation_targets).item()
        if loss < best_loss:
            best_loss, best_epoch = loss, epoch
            torch.save(model.state_dict(), state_path)
        if epoch - best_epoch >= settings["patience"]:
            break
    print(json.dumps({"epochs": epoch, "best_epoch": best_epoch}))


if __name__ == "__main__":
    main()
