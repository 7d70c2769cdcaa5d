#!/usr/bin/env python3
"""Independent PyTorch reference for CamLab's explainers on TorchScript models.

Builds two small CNNs in PyTorch (one with a GAP + Linear head, one with a fully connected head),
exports each as features.pt / head.pt with torch.jit.trace in eval mode, saves an input batch x.npy,
and computes CAM, Grad-CAM, Grad-CAM++ and counterfactual Grad-CAM with PyTorch's own autograd,
exactly as CamLab documents them (A = activations, g = dy_c/dA, x = input, y_c = the target logit):

  CAM             M_c = sum_k W[c,k] A_k                       (Linear bias ignored, no ReLU)
  Grad-CAM        a_k = mean_ij dy_c/dA_k(i,j);  ReLU(sum_k a_k A_k)
  counterfactual  a_k = mean_ij -dy_c/dA_k(i,j); ReLU(sum_k a_k A_k)
  Grad-CAM++      g = dy_c/dA; alpha = g^2 / (2 g^2 + sum_ab A_k(a,b) g^3) (0 where the denominator is 0);
                  w_k = sum_ij alpha ReLU(g);  ReLU(sum_k w_k A_k)
  layercam        ReLU(sum_k ReLU(g_k) A_k)
  xgradcam        a_k = sum_ij A_k g_k / (sum_ij A_k + 1e-7); ReLU(sum_k a_k A_k)
  hirescam        ReLU(sum_k g_k A_k)
  ablationcam     a_k = (y_c - y_c[A_k := 0]) / y_c; ReLU(sum_k a_k A_k)
  scorecam        H_k = minmax(bilinear(A_k -> H x W), align_corners=False), a constant channel -> 0;
                  a = softmax_k y_c(x H_k); ReLU(sum_k a_k A_k)
  eigencam        p = M v_1 (M = A as positions x channels, centred per channel; v_1 its first right singular
                  vector), signed to correlate positively with sum_k A_k; ReLU(p)
  saliency        max_ch |dy_c/dx|
  integrated-gradients  sum_ch x (1/m) sum_k dy_c/dx(a_k x), a_k = (k - 1/2)/m, m = 32
  smoothgrad      (1/n) sum_s max_ch |dy_c/dx(x + sigma e_s)|, sigma = 0.15 (max x - min x) per image, n = 25,
                  e_s ~ N(0, 1) from java.util.Random(0) (reimplemented below), one pattern per s for every image

with y_c the logit of the top-1 class (ref-<method>.npy) and of the classes in classes.txt
(ref-<method>-classes.npy). Used two ways:
  * `python3 tools/torchscript_reference.py OUT_DIR` writes the fixtures the JUnit cross-check reads
    (lib/src/test/resources/torchscript);
  * `python3 tools/torchscript_reference.py OUT_DIR --check` also runs `./camlab explain` on them and
    compares the maps (relative error = max|ours - torch| / max|torch|, must be below 1e-4).

The perturbation methods are computed from the exported modules the same way, by the formulas in their Javadoc:

  occlusion  map(i,j) = mean over the p x p windows (stride s) covering (i,j) of y_c(x) - y_c(x with the window
             zeroed); 0 where none covers                                   (--patch 8 --stride 4)
  rise       map = sum_i P_c(x * M_i) M_i / (N p), p = 0.5, the masks rebuilt from the seed with SplitMix64
             (--masks 200 --seed 5)

Guided Backprop and Guided Grad-CAM need a chain of layers, not TorchScript: `guided/` holds a small sequential
network built here (its weights as weight-*.npy, which the JUnit test loads into the same network built with DJL), its
input and the maps computed with captum's rule (a backward hook on every ReLU that keeps the positive gradient).

Needs PyTorch (Debian: apt-get install python3-torch) and NumPy; not needed to build or test CamLab.
"""
import os
import subprocess
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

METHODS = ["cam", "gradcam", "gradcam++", "counterfactual", "layercam", "xgradcam", "hirescam", "ablationcam", "scorecam", "eigencam",
           "saliency", "integrated-gradients", "smoothgrad"]
INPUT_METHODS = {"saliency", "integrated-gradients", "smoothgrad"}


def gap_model():
    features = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(),
                             nn.Conv2d(8, 16, 3, padding=1, stride=2), nn.ReLU())
    head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(16, 5))
    return features, head


def fc_model():
    features = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Conv2d(8, 12, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
    head = nn.Sequential(nn.Flatten(), nn.Linear(12 * 8 * 8, 32), nn.ReLU(), nn.Linear(32, 5))
    return features, head


def pick(logits, classes):
    return logits.gather(1, classes.view(-1, 1)).squeeze(1)


def input_gradients(features, head, x, classes):
    x = x.detach().clone().requires_grad_(True)
    (g,) = torch.autograd.grad(pick(head(features(x)), classes).sum(), x)
    return g


class JavaRandom:
    """java.util.Random: the 48-bit linear congruential generator and its nextGaussian (the polar method)."""

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)
        self.spare = None

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        return self.seed >> (48 - bits)  # bits <= 27 here: Java's cast to int keeps it as it is

    def next_double(self):
        return ((self.next(26) << 27) + self.next(27)) * (1.0 / (1 << 53))

    def next_gaussian(self):
        if self.spare is not None:
            g, self.spare = self.spare, None
            return g
        while True:
            v1 = 2 * self.next_double() - 1
            v2 = 2 * self.next_double() - 1
            s = v1 * v1 + v2 * v2
            if 0 < s < 1:
                break
        import math
        multiplier = math.sqrt(-2 * math.log(s) / s)
        self.spare = v2 * multiplier
        return v1 * multiplier


def min_max(m):
    """Per map of [N, H, W]: (m - min) / (max - min), zeros where max - min <= 1e-6 max(|max|, |min|) (CamLab's rule)."""
    flat = m.reshape(m.shape[0], -1)
    lo, hi = flat.min(1, keepdim=True).values, flat.max(1, keepdim=True).values
    spread = hi - lo
    flat_ok = spread > 1e-6 * torch.maximum(hi.abs(), lo.abs())
    out = torch.where(flat_ok, (flat - lo) / torch.where(flat_ok, spread, torch.ones_like(spread)), torch.zeros_like(flat))
    return out.reshape(m.shape)


def input_maps(features, head, x, method, classes):
    if method == "saliency":
        return input_gradients(features, head, x, classes).abs().amax(1)
    if method == "integrated-gradients":
        m = 32
        total = sum(input_gradients(features, head, (k - 0.5) / m * x, classes) for k in range(1, m + 1))
        return (x * total / m).sum(1)
    n = 25
    rng = JavaRandom(0)
    size = x[0].numel()
    noise = [torch.tensor([rng.next_gaussian() for _ in range(size)], dtype=torch.float32).reshape(x.shape[1:]) for _ in range(n)]
    flat = x.reshape(x.shape[0], -1)
    sigma = (0.15 * (flat.max(1).values - flat.min(1).values)).view(-1, 1, 1, 1)
    return sum(input_gradients(features, head, x + sigma * e, classes).abs().amax(1) for e in noise) / n


def perturbation_maps(features, head, x, a, logits, method, classes):
    y = pick(logits, classes)
    k_channels = a.shape[1]
    if method == "ablationcam":
        ablated = []
        for k in range(k_channels):
            a2 = a.clone()
            a2[:, k] = 0
            ablated.append(pick(head(a2), classes))
        alpha = (y.view(-1, 1) - torch.stack(ablated, 1)) / y.view(-1, 1)
    elif method == "scorecam":
        scores = []
        for k in range(k_channels):
            up = F.interpolate(a[:, k:k + 1], size=x.shape[2:], mode="bilinear", align_corners=False)[:, 0]
            scores.append(pick(head(features(x * min_max(up).unsqueeze(1))), classes))
        alpha = torch.softmax(torch.stack(scores, 1), 1)
    else:  # eigencam
        out = []
        for b in range(a.shape[0]):
            m = a[b].reshape(k_channels, -1).T.double()
            centred = m - m.mean(0, keepdim=True)
            _, _, vh = torch.linalg.svd(centred, full_matrices=False)
            p = centred @ vh[0]
            total = m.sum(1)
            if float((p * (total - total.mean())).sum()) < 0:
                p = -p
            out.append(torch.relu(p).float().reshape(a.shape[2:]))
        return torch.stack(out)
    return torch.relu(torch.einsum("bk,bkhw->bhw", alpha, a))


def maps(features, head, x, method, classes=None):
    with torch.no_grad():
        a = features(x)
    if classes is None:
        with torch.no_grad():
            classes = head(a).argmax(1)
    if method in INPUT_METHODS:
        return input_maps(features, head, x, method, classes).detach().numpy(), classes
    if method in ("ablationcam", "scorecam", "eigencam"):
        with torch.no_grad():
            return perturbation_maps(features, head, x, a, head(a), method, classes).numpy(), classes
    a = a.detach().requires_grad_(True)
    logits = head(a)
    if classes is None:
        classes = logits.argmax(1)
    if method == "cam":
        w = [m for m in head.modules() if isinstance(m, nn.Linear)][-1].weight
        out = torch.einsum("bk,bkhw->bhw", w[classes], a)
        return out.detach().numpy(), classes
    score = logits.gather(1, classes.view(-1, 1)).sum()
    (g,) = torch.autograd.grad(score, a)
    if method == "layercam":
        return torch.relu((torch.relu(g) * a).sum(1)).detach().numpy(), classes
    if method == "hirescam":
        return torch.relu((g * a).sum(1)).detach().numpy(), classes
    if method == "xgradcam":
        alpha = (a * g).sum(dim=(2, 3)) / (a.sum(dim=(2, 3)) + 1e-7)
    elif method == "gradcam":
        alpha = g.mean(dim=(2, 3))
    elif method == "counterfactual":
        alpha = (-g).mean(dim=(2, 3))
    else:
        g2, g3 = g * g, g * g * g
        denominator = 2 * g2 + a.sum(dim=(2, 3), keepdim=True) * g3
        safe = torch.where(denominator != 0, denominator, torch.ones_like(denominator))
        alpha_ij = torch.where(denominator != 0, g2 / safe, torch.zeros_like(g2))
        alpha = (alpha_ij * torch.relu(g)).sum(dim=(2, 3))
    out = torch.relu(torch.einsum("bk,bkhw->bhw", alpha, a))
    return out.detach().numpy(), classes


def export(name, factory, out_dir, seed):
    torch.manual_seed(seed)
    features, head = factory()
    d = os.path.join(out_dir, name)
    os.makedirs(d, exist_ok=True)
    for m in list(features.modules()) + list(head.modules()):
        if isinstance(m, nn.BatchNorm2d):  # non-trivial running statistics, so eval mode matters
            m.running_mean.uniform_(-0.2, 0.2)
            m.running_var.uniform_(0.5, 1.5)
    features.eval()
    head.eval()
    x = torch.rand(4, 3, 32, 32)
    with torch.no_grad():
        a = features(x)
    torch.jit.trace(features, x).save(os.path.join(d, "features.pt"))
    torch.jit.trace(head, a).save(os.path.join(d, "head.pt"))
    np.save(os.path.join(d, "x.npy"), x.numpy().astype(np.float32))
    classes = torch.tensor([4, 0, 2, 1])
    with open(os.path.join(d, "classes.txt"), "w") as f:
        f.write(",".join(str(int(c)) for c in classes) + "\n")
    for method in METHODS:
        if method == "cam" and name != "gap":
            continue
        top1, _ = maps(features, head, x, method)
        given, _ = maps(features, head, x, method, classes)
        np.save(os.path.join(d, f"ref-{method}.npy"), top1.astype(np.float32))
        np.save(os.path.join(d, f"ref-{method}-classes.npy"), given.astype(np.float32))
    return d


def check(d, root):
    worst = 0.0
    classes = open(os.path.join(d, "classes.txt")).read().strip()
    for method in METHODS:
        for suffix, extra in (("", []), ("-classes", ["--class", classes])):
            ref_file = os.path.join(d, f"ref-{method}{suffix}.npy")
            if not os.path.exists(ref_file):
                continue
            out = os.path.join(d, f"ours-{method}{suffix}.npy")
            subprocess.run([os.path.join(root, "camlab"), "explain", "--features", os.path.join(d, "features.pt"),
                            "--head", os.path.join(d, "head.pt"), "--method", method, "--input", os.path.join(d, "x.npy"),
                            "--out", out] + extra, check=True, stdout=subprocess.DEVNULL)
            ours, ref = np.load(out), np.load(ref_file)
            rel = float(np.abs(ours - ref).max() / max(np.abs(ref).max(), 1e-12))
            worst = max(worst, rel)
            print(f"{os.path.basename(d):4s} {method + suffix:26s} relative error {rel:.2e}")
    return worst


PERTURBATION = {"occlusion": ["--patch", "8", "--stride", "4"], "rise": ["--masks", "200", "--seed", "5"]}


def occlusion_map(features, head, x, classes, patch=8, stride=4):
    """captum's Occlusion with a zero baseline, one batch of images per window, summed in float64."""
    with torch.no_grad():
        base = head(features(x)).double()
        if classes is None:
            classes = base.argmax(1)
        pick = torch.arange(x.shape[0])
        b, _, h, w = x.shape
        total = torch.zeros(b, h, w, dtype=torch.float64)
        count = torch.zeros(h, w, dtype=torch.float64)
        for top in range(0, h - patch + 1, stride):
            for left in range(0, w - patch + 1, stride):
                occluded = x.clone()
                occluded[:, :, top:top + patch, left:left + patch] = 0
                drop = base[pick, classes] - head(features(occluded)).double()[pick, classes]
                total[:, top:top + patch, left:left + patch] += drop.view(-1, 1, 1)
                count[top:top + patch, left:left + patch] += 1
        return torch.where(count > 0, total / count.clamp(min=1), torch.zeros_like(total)).numpy(), classes


class SplitMix64:
    GAMMA = 0x9E3779B97F4A7C15
    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.state = seed & self.MASK

    def next_double(self):
        self.state = (self.state + self.GAMMA) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        z ^= z >> 31
        return (z >> 11) * 2.0 ** -53


def rise_masks(n, cells, seed, h, w, keep=0.5):
    """Petsiuk et al.'s masks as CamLab draws them: per mask cells*cells cell draws, then dy, then dx."""
    random = SplitMix64(seed)
    ch, cw = -(-h // cells), -(-w // cells)
    masks = np.zeros((n, h, w), dtype=np.float64)
    for i in range(n):
        grid = torch.tensor([[1.0 if random.next_double() < keep else 0.0 for _ in range(cells)] for _ in range(cells)],
                            dtype=torch.float64)
        dy, dx = int(random.next_double() * ch), int(random.next_double() * cw)
        up = torch.nn.functional.interpolate(grid[None, None], size=((cells + 1) * ch, (cells + 1) * cw), mode="bilinear",
                                             align_corners=False)[0, 0]
        masks[i] = up[dy:dy + h, dx:dx + w].numpy()
    return masks.astype(np.float32)


def rise_map(features, head, x, classes, n=200, seed=5, cells=8, keep=0.5):
    masks = torch.from_numpy(rise_masks(n, cells, seed, x.shape[2], x.shape[3], keep))
    with torch.no_grad():
        if classes is None:
            classes = head(features(x)).argmax(1)
        out = torch.zeros(x.shape[0], x.shape[2], x.shape[3], dtype=torch.float64)
        for b in range(x.shape[0]):
            probabilities = torch.softmax(head(features(x[b:b + 1] * masks[:, None])), 1)[:, classes[b]].double()
            out[b] = (probabilities.view(-1, 1, 1) * masks.double()).sum(0) / (n * keep)
        return out.numpy(), classes


def perturbation_references(d):
    """ref-occlusion*.npy and ref-rise*.npy from the modules exported in d (what ./camlab explain loads)."""
    features, head = torch.jit.load(os.path.join(d, "features.pt")), torch.jit.load(os.path.join(d, "head.pt"))
    x = torch.from_numpy(np.load(os.path.join(d, "x.npy")))
    classes = torch.tensor([int(c) for c in open(os.path.join(d, "classes.txt")).read().strip().split(",")])
    for method, compute in (("occlusion", occlusion_map), ("rise", rise_map)):
        top1, _ = compute(features, head, x, None)
        given, _ = compute(features, head, x, classes)
        np.save(os.path.join(d, f"ref-{method}.npy"), top1.astype(np.float32))
        np.save(os.path.join(d, f"ref-{method}-classes.npy"), given.astype(np.float32))


def check_perturbation(d, root):
    worst = 0.0
    classes = open(os.path.join(d, "classes.txt")).read().strip()
    for method, settings in PERTURBATION.items():
        for suffix, extra in (("", []), ("-classes", ["--class", classes])):
            out = os.path.join(d, f"ours-{method}{suffix}.npy")
            subprocess.run([os.path.join(root, "camlab"), "explain", "--features", os.path.join(d, "features.pt"),
                            "--head", os.path.join(d, "head.pt"), "--method", method, "--input", os.path.join(d, "x.npy"),
                            "--out", out] + settings + extra, check=True, stdout=subprocess.DEVNULL)
            ours, ref = np.load(out), np.load(os.path.join(d, f"ref-{method}{suffix}.npy"))
            rel = float(np.abs(ours - ref).max() / max(np.abs(ref).max(), 1e-12))
            worst = max(worst, rel)
            print(f"{os.path.basename(d):4s} {method + suffix:26s} relative error {rel:.2e}")
    return worst


def guided_model():
    """A chain of layers DJL builds the same way (GuidedBackpropTest): conv, BN, ReLU, max-pool, conv, ReLU | avg-pool, FC, ReLU, FC."""
    features = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Conv2d(8, 12, 3, padding=1), nn.ReLU())
    head = nn.Sequential(nn.AvgPool2d(4), nn.Flatten(), nn.Linear(12 * 4 * 4, 16), nn.ReLU(), nn.Linear(16, 5))
    return features, head


def guided_maps(features, head, x, classes):
    """Guided Backprop (max over channels of |R|) and Guided Grad-CAM, captum style: a hook on every ReLU."""
    hooks = [m.register_full_backward_hook(lambda m, grad_in, grad_out: (grad_in[0].clamp(min=0),))
             for m in list(features.modules()) + list(head.modules()) if isinstance(m, nn.ReLU)]
    leaf = x.clone().requires_grad_(True)
    logits = head(features(leaf))
    (r,) = torch.autograd.grad(logits.gather(1, classes.view(-1, 1)).sum(), leaf)
    for h in hooks:
        h.remove()
    guided = r.abs().amax(1)
    with torch.no_grad():
        a = features(x)
    a = a.detach().requires_grad_(True)
    (g,) = torch.autograd.grad(head(a).gather(1, classes.view(-1, 1)).sum(), a)
    cam = torch.relu((g.mean(dim=(2, 3), keepdim=True) * a).sum(1, keepdim=True))
    up = torch.nn.functional.interpolate(cam, size=x.shape[2:], mode="bilinear", align_corners=False)[:, 0]
    return guided.detach().numpy(), (guided * up).detach().numpy()


def export_guided(out_dir, seed=7):
    torch.manual_seed(seed)
    features, head = guided_model()
    d = os.path.join(out_dir, "guided")
    os.makedirs(d, exist_ok=True)
    bn = features[1]
    bn.running_mean.uniform_(-0.2, 0.2)
    bn.running_var.uniform_(0.5, 1.5)
    features.eval()
    head.eval()
    for name, tensor in list(features.state_dict().items()) + [("head." + k, v) for k, v in head.state_dict().items()]:
        if not name.endswith("num_batches_tracked"):
            np.save(os.path.join(d, f"weight-{name}.npy"), tensor.numpy().astype(np.float32))
    x = torch.rand(3, 3, 32, 32)
    np.save(os.path.join(d, "x.npy"), x.numpy())
    classes = torch.tensor([4, 0, 2])
    guided, product = guided_maps(features, head, x, classes)
    np.save(os.path.join(d, "ref-guided-backprop-classes.npy"), guided.astype(np.float32))
    np.save(os.path.join(d, "ref-guided-gradcam-classes.npy"), product.astype(np.float32))
    with open(os.path.join(d, "classes.txt"), "w") as f:
        f.write(",".join(str(int(c)) for c in classes) + "\n")


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "torchscript-fixtures"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    dirs = [export("gap", gap_model, out_dir, 1), export("fc", fc_model, out_dir, 3)]
    for d in dirs:
        perturbation_references(d)
    export_guided(out_dir)
    if "--check" in sys.argv:
        worst = max(max(check(d, root), check_perturbation(d, root)) for d in dirs)
        print(f"worst relative error {worst:.2e}: {'OK' if worst < 1e-4 else 'FAILED'} (limit 1e-4)")
        sys.exit(0 if worst < 1e-4 else 1)


if __name__ == "__main__":
    main()
