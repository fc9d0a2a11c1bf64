/// The one-standard-error rule that keeps the mean (`ForecastSelector`, step 5; README, "How
/// the forecast is chosen"): over the selection origins t, with e_t the mean's error and w_t
/// the winner's (actual − forecast), the mean is preferred when
///
/// - d̄ <= sd(d) / √k, d_t = e_t² − w_t²: the winner's mean squared error is not lower by
///   more than one standard error of the paired difference (as the Diebold-Mariano
///   comparison of two forecasts pairs them), and
/// - |ē| <= sd(e) / √k: the mean's errors average 0 within one standard error, so the
///   history shows no level change the mean misses (a trend, a decline, a launch).
///
/// k is the number of origins; with fewer than 3 there is no standard error and the
/// winner stays. Standard deviations are the sample ones (k − 1).
enum MeanRule {
    static func prefersMean(_ y: UnsafeBufferPointer<Double>, mean: UnsafeBufferPointer<Double>,
                            winner: UnsafeBufferPointer<Double>, selection: Range<Int>) -> Bool {
        let k = Double(selection.count)
        guard selection.count >= 3 else { return false }
        var dSum = 0.0, eSum = 0.0
        for t in selection {
            let e = y[t] - mean[t], w = y[t] - winner[t]
            dSum += e * e - w * w
            eSum += e
        }
        let dMean = dSum / k, eMean = eSum / k
        var dSquares = 0.0, eSquares = 0.0
        for t in selection {
            let e = y[t] - mean[t], w = y[t] - winner[t]
            let d = e * e - w * w - dMean
            dSquares += d * d
            eSquares += (e - eMean) * (e - eMean)
        }
        let dError = (dSquares / (k - 1)).squareRoot() / k.squareRoot()
        let eError = (eSquares / (k - 1)).squareRoot() / k.squareRoot()
        return dMean <= dError && abs(eMean) <= eError
    }
}
