#!/usr/bin/env python3
"""The PyTorch reference for `./camlab bench`: the same networks and batches, the methods done the Python way.

Builds, with random weights (time does not depend on training), the same layer shapes as CamLab's
Architectures.java:
  gap-cnn   1x64x64: conv5x5/2(24)-BN-ReLU, conv3x3(32)-BN-ReLU-maxpool2, conv3x3(64)-BN-ReLU,
            conv3x3 dilation 2 (128)-BN-ReLU -> [B,128,16,16]; GAP + Linear(128->10, no bias)
  resnet18  3x224x224: basic-block ResNet-18 -> [B,512,7,7]; GAP + Linear(512->1000)
and times, interleaved with the forward pass exactly as `camlab bench` does (each method back to back
with a forward pass, the order alternating, ratio = median of per-repetition method/forward):
  forward          model(x) in eval mode under torch.no_grad() (the floor)
  cam              forward with a hook on the last conv stage, maps = W[c] . A (torch-cam / the CAM paper)
  gradcam          as pytorch-grad-cam's GradCAM does it: forward with activation and gradient hooks,
                   model.zero_grad(), backward of sum_b y[b, c_b] through the WHOLE network (every
                   parameter gets its gradient), then NumPy: weights = mean of the gradients, ReLU(sum w A)
  gradcam++        pytorch-grad-cam's GradCAMPlusPlus weights (in NumPy) on the same hooked backward
  gradcam-split    for comparison: what CamLab does, in PyTorch (features under no_grad, a leaf, backward
                   through the head only, and only to the leaf: torch.autograd.grad, no parameter gradients)
  upsample+normalize  bilinear resize of the batch of maps to the input size + per-map min-max, in torch
  layercam, xgradcam, hirescam  pytorch-grad-cam's weights (in NumPy) on the same hooked backward
  ablationcam      pytorch-grad-cam's AblationCAM: per image, the WHOLE network run again on copies of the image with
                   one channel of the target layer zeroed by a forward hook, 32 copies a pass
  scorecam         pytorch-grad-cam's ScoreCAM: per image, the upsampled, min-max-normalised channels mask the image,
                   16 masked images a pass, softmax of their logits
  eigencam         pytorch-grad-cam's get_2d_projection: NumPy SVD of each image's centred activations
  saliency         captum's Saliency: |dy_c/dx|, max over channels
  integrated-gradients  captum's IntegratedGradients, 32 steps, riemann_middle, all steps in one batch
  smoothgrad       captum's NoiseTunnel(Saliency), 25 samples, stdev 0.15 (max x - min x), all samples in one batch
and the GAP-CNN's training throughput (Adam, softmax cross-entropy) vs its inference throughput at batch 64.
The perturbation and guided methods, at the settings `camlab bench` times (PerturbationBench.java):
  occlusion        captum's Occlusion with its default perturbations_per_eval=1: one pass of the batch per window,
                   the window zeroed, drops accumulated and divided by the coverage (gap-cnn 8x8/4, resnet18 56x56/56)
  rise             the official RISE code: masks made with NumPy and scikit-image-style bilinear resizing (torch here),
                   each image's masked copies through the network in batches of 64, saliency = P^T M / (N p)
                   (gap-cnn 250 masks, resnet18 16)
  guided-backprop  captum's GuidedBackprop: a backward hook on every ReLU keeps the positive gradient (gap-cnn only)

Run:  OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 tools/bench_pytorch_reference.py [--json FILE] [--reps N]
      [--warmup N] [--threads N] [--models gap-cnn,resnet18] [--batches 1,32] [--device cpu|cuda]
--threads defaults to 2, the intra-op thread count DJL's PyTorch engine uses on this 2-core machine
(`camlab bench --json` records it as machine.intraOpThreads). Needs torch and NumPy (Debian: python3-torch).
--device cuda runs the networks on the first GPU and waits for it (torch.cuda.synchronize) at the end of every
timed call, as `camlab bench --device gpu` does by reading one number of each result.
"""
import argparse
import json
import os
import platform
import resource
import statistics
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DEVICE = torch.device("cpu")  # set from --device in main()


def conv_bn_relu(cin, cout, k, stride=1, dilation=1):
    pad = dilation * (k // 2)
    return nn.Sequential(nn.Conv2d(cin, cout, k, stride=stride, padding=pad, dilation=dilation),
                         nn.BatchNorm2d(cout), nn.ReLU())


class Split(nn.Module):
    """features -> head, like CamLab's Classifier; `features` is the hooked target layer's output."""

    def __init__(self, features, head):
        super().__init__()
        self.features = features
        self.head = head

    def forward(self, x):
        return self.head(self.features(x))


def gap_head(channels, classes, bias):
    return nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, classes, bias=bias))


def gap_cnn():
    features = nn.Sequential(conv_bn_relu(1, 24, 5, stride=2),
                             nn.Sequential(conv_bn_relu(24, 32, 3), nn.MaxPool2d(2)),
                             conv_bn_relu(32, 64, 3),
                             conv_bn_relu(64, 128, 3, dilation=2))
    return Split(features, gap_head(128, 10, bias=False))


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.residual = nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(),
                                      nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout))
        self.shortcut = nn.Identity() if stride == 1 and cin == cout else nn.Sequential(
            nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        return F.relu(self.residual(x) + self.shortcut(x))


def resnet18():
    stages = [nn.Sequential(nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(3, 2, 1))]
    cin = 64
    for s, width in enumerate([64, 128, 256, 512]):
        stride = 1 if s == 0 else 2
        stages.append(nn.Sequential(BasicBlock(cin, width, stride), BasicBlock(width, width, 1)))
        cin = width
    return Split(nn.Sequential(*stages), gap_head(512, 1000, bias=True))


class Hooks:
    """pytorch-grad-cam's ActivationsAndGradients: a forward hook keeps A, a tensor hook keeps dy/dA."""

    def __init__(self, layer):
        self.activations = None
        self.gradients = None
        layer.register_forward_hook(self._save)

    def _save(self, module, inputs, output):
        self.activations = output.detach()
        if output.requires_grad:
            output.register_hook(self._save_gradient)

    def _save_gradient(self, grad):
        self.gradients = grad.detach()


def forward(model, x):
    with torch.no_grad():
        return model(x)


def cam(model, hooks, x):
    with torch.no_grad():
        logits = model(x)
        classes = logits.argmax(1)
        w = model.head[-1].weight[classes]  # [B, K]
        maps = torch.einsum("bk,bkhw->bhw", w, hooks.activations)
    return maps.cpu().numpy()


def hooked_backward(model, hooks, x):
    """The pytorch-grad-cam way: forward with grad enabled, zero_grad, backward through everything, to NumPy."""
    logits = model(x)
    classes = logits.argmax(1)
    model.zero_grad()
    logits.gather(1, classes[:, None]).sum().backward()
    return hooks.activations.cpu().numpy(), hooks.gradients.cpu().numpy()


def gradcam(model, hooks, x):
    a, g = hooked_backward(model, hooks, x)
    weights = np.mean(g, axis=(2, 3))
    return np.maximum((weights[:, :, None, None] * a).sum(axis=1), 0)


def gradcam_plus_plus(model, hooks, x):
    a, g = hooked_backward(model, hooks, x)
    g2 = g ** 2
    g3 = g2 * g
    sum_a = np.sum(a, axis=(2, 3))
    aij = g2 / (2 * g2 + sum_a[:, :, None, None] * g3 + 1e-7)
    aij = np.where(g != 0, aij, 0)
    weights = np.sum(np.maximum(g, 0) * aij, axis=(2, 3))
    return np.maximum((weights[:, :, None, None] * a).sum(axis=1), 0)


def gradcam_split(model, x):
    with torch.no_grad():
        a = model.features(x)
    leaf = a.detach().requires_grad_()
    logits = model.head(leaf)
    classes = logits.argmax(1)
    (gradients,) = torch.autograd.grad(logits.gather(1, classes[:, None]).sum(), leaf)
    weights = gradients.mean(dim=(2, 3))
    with torch.no_grad():
        return torch.relu(torch.einsum("bk,bkhw->bhw", weights, a))


def upsample_normalize(maps, size):
    with torch.no_grad():
        up = F.interpolate(maps[:, None], size=size, mode="bilinear", align_corners=False)[:, 0]
        flat = up.reshape(up.shape[0], -1)
        lo = flat.min(1, keepdim=True).values
        hi = flat.max(1, keepdim=True).values
        return ((flat - lo) / (hi - lo).clamp_min(1e-12)).reshape(up.shape)


def hooked_maps(model, hooks, x, weights_of):
    a, g = hooked_backward(model, hooks, x)
    return np.maximum(weights_of(a, g).sum(axis=1), 0)


def layercam(model, hooks, x):
    return hooked_maps(model, hooks, x, lambda a, g: np.maximum(g, 0) * a)


def hirescam(model, hooks, x):
    return hooked_maps(model, hooks, x, lambda a, g: g * a)


def xgradcam(model, hooks, x):
    def weighted(a, g):
        weights = (g * a).sum(axis=(2, 3)) / (a.sum(axis=(2, 3)) + 1e-7)
        return weights[:, :, None, None] * a
    return hooked_maps(model, hooks, x, weighted)


def ablationcam(model, hooks, x, batch_size=32):
    with torch.no_grad():
        logits = model(x)
        classes = logits.argmax(1)
        a = hooks.activations
        k = a.shape[1]
        out = []
        for b in range(x.shape[0]):
            scores = []
            for first in range(0, k, batch_size):
                channels = list(range(first, min(k, first + batch_size)))

                def ablate(module, inputs, output, channels=channels):
                    output = output.clone()
                    for i, c in enumerate(channels):
                        output[i, c] = 0
                    return output
                handle = model.features.register_forward_hook(ablate)
                try:
                    scores.append(model(x[b:b + 1].repeat(len(channels), 1, 1, 1))[:, classes[b]])
                finally:
                    handle.remove()
            y = logits[b, classes[b]]
            weights = ((y - torch.cat(scores)) / y).cpu().numpy()
            out.append(np.maximum((weights[:, None, None] * a[b].cpu().numpy()).sum(axis=0), 0))
        return np.stack(out)


def scorecam(model, hooks, x, batch_size=16):
    with torch.no_grad():
        logits = model(x)
        classes = logits.argmax(1)
        a = hooks.activations
        up = F.interpolate(a, size=x.shape[-2:], mode="bilinear", align_corners=False)
        flat = up.reshape(up.shape[0], up.shape[1], -1)
        lo, hi = flat.min(-1).values[:, :, None, None], flat.max(-1).values[:, :, None, None]
        masks = (up - lo) / (hi - lo + 1e-8)
        out = []
        for b in range(x.shape[0]):
            masked = x[b:b + 1] * masks[b][:, None]
            scores = torch.cat([model(masked[i:i + batch_size])[:, classes[b]] for i in range(0, masked.shape[0], batch_size)])
            weights = torch.softmax(scores, 0).cpu().numpy()
            out.append(np.maximum((weights[:, None, None] * a[b].cpu().numpy()).sum(axis=0), 0))
        return np.stack(out)


def eigencam(model, hooks, x):
    with torch.no_grad():
        model(x)
    a = hooks.activations.cpu().numpy()
    out = []
    for image in a:
        m = image.reshape(image.shape[0], -1).T
        m = m - m.mean(axis=0)
        _, _, vt = np.linalg.svd(m, full_matrices=True)
        out.append(np.maximum((m @ vt[0, :]).reshape(image.shape[1:]), 0))
    return np.stack(out)


def input_gradient(model, x, classes):
    x = x.detach().requires_grad_(True)
    model.zero_grad()
    model(x).gather(1, classes[:, None]).sum().backward()
    return x.grad


def top1(model, x):
    with torch.no_grad():
        return model(x).argmax(1)


def saliency(model, x):
    return input_gradient(model, x, top1(model, x)).abs().amax(1).cpu().numpy()


def integrated_gradients(model, x, steps=32):
    classes = top1(model, x)
    alphas = (torch.arange(steps, device=x.device, dtype=x.dtype) + 0.5) / steps
    scaled = (alphas.view(-1, 1, 1, 1, 1) * x[None]).reshape((-1,) + x.shape[1:])
    g = input_gradient(model, scaled, classes.repeat(steps)).reshape((steps,) + x.shape)
    return (x * g.mean(0)).sum(1).cpu().numpy()


def smoothgrad(model, x, samples=25):
    classes = top1(model, x)
    flat = x.reshape(x.shape[0], -1)
    sigma = (0.15 * (flat.max(1).values - flat.min(1).values)).view(1, -1, 1, 1, 1)
    noisy = (x[None] + sigma * torch.randn((samples,) + x.shape, device=x.device)).reshape((-1,) + x.shape[1:])
    g = input_gradient(model, noisy, classes.repeat(samples)).abs().amax(1)
    return g.reshape((samples, x.shape[0]) + x.shape[2:]).mean(0).cpu().numpy()


FAMILY = {"layercam": lambda m, h, x: layercam(m, h, x), "xgradcam": lambda m, h, x: xgradcam(m, h, x),
          "hirescam": lambda m, h, x: hirescam(m, h, x), "ablationcam": lambda m, h, x: ablationcam(m, h, x),
          "scorecam": lambda m, h, x: scorecam(m, h, x), "eigencam": lambda m, h, x: eigencam(m, h, x),
          "saliency": lambda m, h, x: saliency(m, x), "integrated-gradients": lambda m, h, x: integrated_gradients(m, x),
          "smoothgrad": lambda m, h, x: smoothgrad(m, x)}


def synchronize():
    """Waits for the GPU's queued work; nothing to wait for on the CPU."""
    if DEVICE.type == "cuda":
        torch.cuda.synchronize()


def millis(fn):
    synchronize()
    t0 = time.perf_counter()
    fn()
    synchronize()
    return (time.perf_counter() - t0) * 1000


def paired(pairs, reps, warmup):
    """Same protocol as camlab.bench.PairedTiming: warm-up rounds, then back-to-back pairs, order alternating.

    Without PairedTiming's minimum warm-up time (20 s for a JVM's first benchmark, 5 s after): that waits for
    HotSpot's JIT compiler, and CPython has none."""
    for _ in range(warmup):
        for _, f, m in pairs:
            f()
            m()
    fw = [[0.0] * reps for _ in pairs]
    me = [[0.0] * reps for _ in pairs]
    for r in range(reps):
        for i in range(len(pairs)):
            p = (i + r) % len(pairs)
            _, f, m = pairs[p]
            if r % 2 == 0:
                fw[p][r] = millis(f)
                me[p][r] = millis(m)
            else:
                me[p][r] = millis(m)
                fw[p][r] = millis(f)
    return {pairs[p][0]: (fw[p], me[p]) for p in range(len(pairs))}


TARGETS = {"cam": 1.05, "gradcam": 1.15, "gradcam++": 1.25, "upsample+normalize": 0.05}


def bench_family(family, model, input_shape, batch, reps, warmup, methods=()):
    model.eval()
    hooks = Hooks(model.features)
    x = torch.rand((batch,) + input_shape, device=DEVICE)
    raw = torch.from_numpy(cam(model, hooks, x)).to(DEVICE)
    size = input_shape[1:]
    pairs = [("cam", lambda: forward(model, x), lambda: cam(model, hooks, x)),
             ("gradcam", lambda: forward(model, x), lambda: gradcam(model, hooks, x)),
             ("gradcam++", lambda: forward(model, x), lambda: gradcam_plus_plus(model, hooks, x)),
             ("gradcam-split", lambda: forward(model, x), lambda: gradcam_split(model, x)),
             ("upsample+normalize", lambda: forward(model, x), lambda: upsample_normalize(raw, size))]
    samples = paired(pairs, reps, warmup)
    if methods:  # as camlab bench: fewer repetitions for the family, a third (at least 3), a tenth at batch 32
        family_reps = max(1 if batch >= 32 else 3, reps // 10 if batch >= 32 else reps // 3)
        samples.update(paired([(name, lambda: forward(model, x), lambda name=name: FAMILY[name](model, hooks, x)) for name in methods],
                              family_reps, warmup))
    core = ("cam", "gradcam", "gradcam++", "gradcam-split", "upsample+normalize")
    all_forward = [t for name, (f, _) in samples.items() if name in core for t in f]
    fwd = statistics.median(all_forward)
    rows = [row(family, batch, "forward", fwd, fwd, 1.0)]
    for name, (f, m) in samples.items():
        rows.append(row(family, batch, name, statistics.median(m), statistics.median(f),
                        statistics.median([a / b for a, b in zip(m, f)])))
    return rows


def row(family, batch, what, ms, forward_ms, ratio):
    target = TARGETS.get(what)
    return {"model": family, "batch": batch, "what": what, "ms": round(ms, 3), "forwardMs": round(forward_ms, 3),
            "ratioToForward": round(ratio, 4), "imagesPerSecond": round(batch * 1000 / ms, 2), "target": target,
            "meetsTarget": None if target is None else ratio <= target}


def training(reps, warmup, batch=64):
    model = gap_cnn().to(DEVICE)
    x = torch.rand(batch, 1, 64, 64, device=DEVICE)
    y = torch.randint(0, 10, (batch,), device=DEVICE)
    opt = torch.optim.Adam(model.parameters())

    def infer():
        model.eval()
        forward(model, x)

    def step():
        model.train()
        opt.zero_grad()
        F.cross_entropy(model(x), y).backward()
        opt.step()

    f, m = paired([("training step", infer, step)], reps, warmup)["training step"]
    ratio = statistics.median([a / b for a, b in zip(m, f)])
    return {"batch": batch, "inferenceMs": round(statistics.median(f), 3), "trainingStepMs": round(statistics.median(m), 3),
            "inferenceImagesPerSecond": round(batch * 1000 / statistics.median(f), 1),
            "trainingImagesPerSecond": round(batch * 1000 / statistics.median(m), 1),
            "trainingToInference": round(1 / ratio, 3), "target": 0.28, "meetsTarget": 1 / ratio >= 0.28}


def machine(threads):
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cores": os.cpu_count(), "cpu": cpu, "loadAverage": " ".join(f"{v:.2f}" for v in os.getloadavg()),
            "python": platform.python_version(), "engine": "PyTorch " + torch.__version__,
            "intraOpThreads": torch.get_num_threads(), "interOpThreads": torch.get_num_interop_threads(),
            "ompWaitPolicy": os.environ.get("OMP_WAIT_POLICY", "None"), "glibcTunables": os.environ.get("GLIBC_TUNABLES", "None"),
            "device": str(DEVICE), "requestedThreads": threads,
            "gpu": torch.cuda.get_device_name(DEVICE) if DEVICE.type == "cuda" else None}


PERTURBATION_METHODS = ["occlusion", "rise", "guided-backprop"]
# As camlab bench, plus Ablation-CAM, which pytorch-grad-cam runs as whole-network passes (16 of 32 images per image here)
RESNET18_CPU_MINUTES_LONG = ["ablationcam", "scorecam", "integrated-gradients", "smoothgrad"]
PERTURBATION = {"gap-cnn": {"patch": 8, "stride": 4, "masks": 250}, "resnet18": {"patch": 56, "stride": 56, "masks": 16}}


def occlusion_captum(model, x, classes, patch, stride):
    """captum Occlusion, zero baseline, perturbations_per_eval=1: one forward pass of the whole batch per window."""
    with torch.no_grad():
        pick = torch.arange(x.shape[0], device=x.device)
        base = model(x)[pick, classes]
        _, _, h, w = x.shape
        total = torch.zeros(x.shape[0], h, w, device=x.device)
        count = torch.zeros(h, w, device=x.device)
        for top in range(0, h - patch + 1, stride):
            for left in range(0, w - patch + 1, stride):
                occluded = x.clone()
                occluded[:, :, top:top + patch, left:left + patch] = 0
                total[:, top:top + patch, left:left + patch] += (base - model(occluded)[pick, classes]).view(-1, 1, 1)
                count[top:top + patch, left:left + patch] += 1
        return total / count.clamp(min=1)


def rise_masks(n, h, w, cells=8, keep=0.5):
    """Petsiuk et al.'s generate_masks: a random grid, upsampled with a random shift (torch bilinear here)."""
    ch, cw = -(-h // cells), -(-w // cells)
    grid = (np.random.rand(n, 1, cells, cells) < keep).astype(np.float32)
    up = F.interpolate(torch.from_numpy(grid), size=((cells + 1) * ch, (cells + 1) * cw), mode="bilinear", align_corners=False)
    masks = torch.empty(n, 1, h, w)
    for i in range(n):
        dy, dx = np.random.randint(0, ch), np.random.randint(0, cw)
        masks[i] = up[i, :, dy:dy + h, dx:dx + w]
    return masks.to(DEVICE)


def rise_official(model, x, classes, n, batch=64, keep=0.5):
    """The official RISE explainer: masks made per call, each image's masked copies in batches, P^T M / (N p)."""
    masks = rise_masks(n, x.shape[2], x.shape[3])
    out = []
    with torch.no_grad():
        for b in range(x.shape[0]):
            p = torch.cat([torch.softmax(model(masks[i:i + batch] * x[b:b + 1]), 1) for i in range(0, n, batch)])
            out.append((p[:, classes[b]] @ masks.view(n, -1)).view(x.shape[2], x.shape[3]) / (n * keep))
    return torch.stack(out)


def guided_captum(model, x, classes):
    """captum GuidedBackprop: backward hooks on every ReLU module pass only the positive gradient."""
    handles = [m.register_full_backward_hook(lambda m, gi, go: (gi[0].clamp(min=0),)) for m in model.modules() if isinstance(m, nn.ReLU)]
    leaf = x.clone().requires_grad_(True)
    out = model(leaf)
    (g,) = torch.autograd.grad(out[torch.arange(x.shape[0], device=x.device), classes].sum(), leaf)
    for h in handles:
        h.remove()
    return g.abs().amax(1)


def bench_perturbation(family, model, input_shape, batch, reps, warmup, methods):
    """Rows for occlusion, RISE and (GAP-CNN) Guided Backprop among `methods`, interleaved with the forward pass like the others."""
    model.eval()
    settings = PERTURBATION[family]
    x = torch.rand((batch,) + input_shape, device=DEVICE)
    classes = forward(model, x).argmax(1)
    pairs = [("occlusion", lambda: forward(model, x), lambda: occlusion_captum(model, x, classes, settings["patch"], settings["stride"])),
             ("rise", lambda: forward(model, x), lambda: rise_official(model, x, classes, settings["masks"]))]
    if family == "gap-cnn":
        pairs.append(("guided-backprop", lambda: forward(model, x), lambda: guided_captum(model, x, classes)))
    pairs = [p for p in pairs if p[0] in methods]
    samples = paired(pairs, reps, warmup)
    return [row(family, batch, name, statistics.median(m), statistics.median(f), statistics.median([a / b for a, b in zip(m, f)]))
            for name, (f, m) in samples.items()]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--json")
    p.add_argument("--reps", type=int, help="repetitions (default as camlab bench: 150 GAP-CNN, 15 ResNet-18)")
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--models", default="gap-cnn,resnet18")
    p.add_argument("--batches", default="1,32")
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    p.add_argument("--methods", default="all", help="the modern CAMs and input attributions to time: all, none or a list")
    a = p.parse_args()
    global DEVICE
    if a.device == "cuda" and not torch.cuda.is_available():
        p.error("--device cuda: this torch (" + torch.__version__ + ") sees no CUDA GPU")
    DEVICE = torch.device(a.device)
    gap_reps, resnet_reps = a.reps or 150, a.reps or 15
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(a.threads)
    torch.manual_seed(1)
    families = a.models.split(",")
    known = list(FAMILY) + PERTURBATION_METHODS
    methods = known if a.methods == "all" else [] if a.methods == "none" else a.methods.split(",")
    for m in methods:
        if m not in known:
            p.error(f"--methods: unknown method {m!r}; choose from {known}")
    batches = [int(b) for b in a.batches.split(",")]
    out = {"command": "bench_pytorch_reference.py " + " ".join(os.sys.argv[1:]), "machine": machine(a.threads),
           "weights": "random (timing does not depend on training)", "reps": {"gap-cnn": gap_reps, "resnet18": resnet_reps}, "warmup": a.warmup,
           "resnet18Batch32": "ceil(reps / 3) reps, at most 1 warm-up round (as camlab bench)"}
    rows = []
    tr = None
    if "gap-cnn" in families:
        model = gap_cnn().to(DEVICE)
        for b in batches:
            rows += bench_family("gap-cnn", model, (1, 64, 64), b, gap_reps, a.warmup, [m for m in methods if m in FAMILY])
            if any(m in PERTURBATION_METHODS for m in methods):
                rows += bench_perturbation("gap-cnn", model, (1, 64, 64), b, max(1 if b >= 32 else 3, gap_reps // 10 if b >= 32 else gap_reps // 3),
                                           a.warmup, methods)
        tr = training(gap_reps, a.warmup)
    if "resnet18" in families:
        model = resnet18().to(DEVICE)
        for b in batches:
            big = b >= 32
            family = [m for m in methods if m in FAMILY]
            if big and DEVICE.type == "cpu":
                skipped = [m for m in family if m in RESNET18_CPU_MINUTES_LONG]
                family = [m for m in family if m not in RESNET18_CPU_MINUTES_LONG]
                if skipped:
                    print(f"resnet18, batch {b}, cpu: not timing {', '.join(skipped)} (thousands of 224x224 network passes a call, "
                          "minutes each on a CPU; the batch-1 rows time the same passes)")
            rows += bench_family("resnet18", model, (3, 224, 224), b, (resnet_reps + 2) // 3 if big else resnet_reps,
                                 min(1, a.warmup) if big else a.warmup, family)
            if any(m in PERTURBATION_METHODS for m in methods):
                rows += bench_perturbation("resnet18", model, (3, 224, 224), b, max(1 if big else 3, resnet_reps // 10 if big else resnet_reps // 3),
                                           min(1, a.warmup), methods)
    print(f"{'model':>9} {'batch':>5} {'what':>20} {'ms':>10} {'x forward':>10} {'images/s':>10}  target")
    for r in rows:
        t = "" if r["target"] is None else f"<= {r['target']} " + ("ok" if r["meetsTarget"] else "MISSED")
        print(f"{r['model']:>9} {r['batch']:>5} {r['what']:>20} {r['ms']:>10.2f} {r['ratioToForward']:>10.3f} "
              f"{r['imagesPerSecond']:>10.1f}  {t}")
    if tr:
        print("GAP-CNN training vs inference at batch 64:", tr)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000
    print(f"peak RSS {peak:.0f} MB; load average at the end {os.getloadavg()}")
    out.update({"rows": rows, "training": tr, "loadAverageAtEnd": " ".join(f"{v:.2f}" for v in os.getloadavg()),
                "peakRssMb": round(peak, 1)})
    if a.json:
        os.makedirs(os.path.dirname(os.path.abspath(a.json)), exist_ok=True)
        with open(a.json, "w") as f:
            json.dump(out, f, indent=2)
        print("Wrote", os.path.abspath(a.json))


if __name__ == "__main__":
    main()
