package dev.politely.faults;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's expectations, checked by hand against contract section 3 for one period and
 * the next.
 */
class OwnerModelTest {

	@Test
	void capsUnknownContactsAndAdviceMinutesPerPeriodThenStartsAfresh() {
		OwnerModel model = new OwnerModel();
		List<String> outcomes = new ArrayList<>();
		for (int i = 0; i < 2 * OwnerModel.PER_PERIOD; i++) {
			OwnerModel.Expected e = model.next("t", null).expected();
			outcomes.add(e.outcome() + " " + e.reason() + (e.offeredMinutes() == null ? "" : " " + e.offeredMinutes()));
		}
		List<String> period = List.of("ACCEPT COHERENT_NETWORK", "ACCEPT WITHIN_BUDGET 25", "DECLINE GHOST",
				"ACCEPT COHERENT_NETWORK", "ACCEPT WITHIN_BUDGET 40", "ACCEPT WITHIN_BUDGET 10",
				"ACCEPT COHERENT_NETWORK", "ACCEPT WITHIN_BUDGET 25", "DECLINE MONTHLY_CAP",
				"DECLINE BUDGET_EXHAUSTED");
		assertThat(outcomes.subList(0, 10)).containsExactlyElementsOf(period);
		assertThat(outcomes.subList(10, 20)).containsExactlyElementsOf(period);
	}

	@Test
	void givesEachPeriodItsOwnMonthAndWeek() {
		OwnerModel model = new OwnerModel();
		String first = (String) model.next("t", null).body().get("receivedAt");
		for (int i = 1; i < OwnerModel.PER_PERIOD; i++) {
			model.next("t", null);
		}
		String second = (String) model.next("t", null).body().get("receivedAt");
		assertThat(first).isEqualTo("2025-01-08T09:00:00Z");
		assertThat(second).isEqualTo("2025-02-08T09:00:00Z");
	}

	@Test
	void asksForACallbackOnlyWhenGivenOne() {
		OwnerModel model = new OwnerModel();
		assertThat(model.next("t", null).body()).doesNotContainKey("reply");
		assertThat(model.next("t", "http://127.0.0.1:1/callbacks/x").body()).containsKey("reply");
	}

}
