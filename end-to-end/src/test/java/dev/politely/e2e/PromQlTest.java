package dev.politely.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

	@Test
	void findsTheMetricsOfAFunctionOverARangeAndLeavesOutLabels() {
		assertThat(PromQl.metricNames(
				"sum by (owner, kind) (increase(politely_solicitations_received_total{owner=~\"$owner\", status!=\"2xx\"}[$__range]))"))
			.containsExactly("politely_solicitations_received_total");
	}

	@Test
	void findsBothSidesOfABinaryOperation() {
		assertThat(PromQl.metricNames("sum(rate(a_total{x=\"y\"}[5m])) / on (job) group_left sum(b_bucket) > 0.5"))
			.containsExactly("a_total", "b_bucket");
	}

	@Test
	void findsAMetricWrittenAloneAndInsideAHistogramQuantile() {
		assertThat(PromQl.metricNames("up == 0")).containsExactly("up");
		assertThat(PromQl.metricNames(
				"histogram_quantile(0.95, sum by (le) (rate(politely_receipt_to_decision_seconds_bucket[$__rate_interval])))"))
			.containsExactly("politely_receipt_to_decision_seconds_bucket");
	}

	@Test
	void ignoresStringsKeywordsNumbersAndOffsets() {
		assertThat(PromQl.metricNames(
				"(sum(increase(x_total[10m] offset 1h)) or vector(0)) == 0 and bool 1e3 unless label_replace(y, \"a\", \"$1\", \"b\", \"(.*)\")"))
			.containsExactly("x_total", "y");
	}

	@Test
	void findsNoNameInASelectorOfTheNameLabel() {
		// {__name__="..."} is not used by our dashboards: such an expression yields no
		// name, and the exported-metrics
		// test refuses an expression in which it finds no metric at all, so it cannot
		// slip through unchecked
		assertThat(PromQl.metricNames("{__name__=\"politely_decisions_total\"}")).isEmpty();
	}

}
