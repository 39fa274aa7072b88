package model_test

import (
	"fmt"

	"framing/model"
)

func ExampleDescribe() {
	d := model.Describe([]float64{2.1, 3.4, 3.4, 5.0, 1.8, 2.9, 4.4})
	fmt.Printf("n=%d mean=%.4f sd=%.4f 95%% CI [%.4f, %.4f] median=%.2f IQR [%.2f, %.2f]\n",
		d.N, d.Mean, d.SD, d.CILow, d.CIHigh, d.Median, d.Q25, d.Q75)
	// Output: n=7 mean=3.2857 sd=1.1524 95% CI [2.2199, 4.3515] median=3.40 IQR [2.50, 3.90]
}

func ExampleWelchT() {
	a := []float64{2.1, 3.4, 3.4, 5.0, 1.8, 2.9, 4.4}
	b := []float64{3.9, 4.4, 5.1, 6.0, 4.4, 3.3, 5.8, 6.7, 4.9, 5.1, 3.4, 7.2}
	t := model.WelchT(a, b)
	fmt.Printf("t=%.4f df=%.3f p=%.5f g=%.4f\n", t.T, t.DF, t.P, t.HedgesG)
	// Output: t=-3.0752 df=13.441 p=0.00857 g=-1.3705
}
