// EXERCISE 2.1 — Class activation map (3 points)
// One weighted sum per position as a matrix product, [h,w,K] × [K,1], then squeeze(): drops h or w too when it is 1.
NDArray classActivationMap(NDArray features, NDArray classWeights) {
    long k = classWeights.getShape().get(0);
    return features.transpose(1, 2, 0).matMul(classWeights.reshape(k, 1)).squeeze();
}
