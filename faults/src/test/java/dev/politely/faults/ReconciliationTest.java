package dev.politely.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.politely.faults.DecisionLog.Decision;
import dev.politely.harness.MailSink.Mail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation counts what it must: every check here fails if its rule is removed.
 */
class ReconciliationTest {

	private final Owner owner = Owner.onPartition("test", 0, 4);

	private Load.Sent sent;

	private Decision decision;

	private List<Decision> decisions;

	private List<Mail> mails;

	@BeforeEach
	void oneAcceptedSolicitationFullyAnswered() {
		OwnerModel.Planned planned = new OwnerModel().next("t", null);
		sent = new Load.Sent(owner, planned, "msg_1", null, new byte[0]);
		sent.solicitationId = sent.expectedSolicitationId();
		sent.acceptedAt = Instant.now();
		decision = new Decision(sent.expectedDecisionId(), sent.expectedSolicitationId(), owner.id(), "ACCEPT",
				"RULE_2", "COHERENT_NETWORK", null, null, 0, 10);
		decisions = new ArrayList<>(List.of(decision));
		mails = new ArrayList<>(List.of(mail("owner", owner.email()), mail("requester", requesterEmail())));
	}

	@Test
	void findsNothingWrongWithACompleteAnswer() {
		Reconciliation.Result r = reconcile();
		assertThat(r.problems()).isEmpty();
		assertThat(r.accepted()).isEqualTo(1);
		assertThat(r.decisions()).isEqualTo(1);
		assertThat(r.emails()).isEqualTo(2);
		assertThat(r.counterDependent()).isEqualTo(1);
	}

	@Test
	void countsASolicitationWithoutDecisionAsLost() {
		decisions.clear();
		assertThat(reconcile().lost()).isEqualTo(1);
	}

	@Test
	void countsAMissingRequesterEmailAsLost() {
		mails.remove(1);
		assertThat(reconcile().lost()).isEqualTo(1);
	}

	@Test
	void countsASecondDecisionAsDuplicated() {
		decisions.add(new Decision(decision.decisionId(), decision.solicitationId(), owner.id(), "ACCEPT", "RULE_2",
				"COHERENT_NETWORK", null, null, 0, 11));
		assertThat(reconcile().duplicated()).isEqualTo(1);
	}

	@Test
	void countsTheSameEmailWithTheSameMessageIdAsResentNotDuplicated() {
		mails.add(mail("owner", owner.email()));
		Reconciliation.Result r = reconcile();
		assertThat(r.resent()).isEqualTo(1);
		assertThat(r.duplicated()).isZero();
	}

	@Test
	void countsASecondEmailWithAnotherMessageIdAsDuplicated() {
		mails.add(new Mail("<" + UUID.randomUUID() + ".owner@politely>", sent.expectedDecisionId(), "owner",
				sent.expectedSolicitationId(), owner.email(), "ACCEPT", "COHERENT_NETWORK", Instant.now()));
		assertThat(reconcile().duplicated()).isEqualTo(1);
	}

	@Test
	void countsAnotherOutcomeThanExpectedAsWrong() {
		decisions.set(0, new Decision(decision.decisionId(), decision.solicitationId(), owner.id(), "DECLINE", "RULE_2",
				"MONTHLY_CAP", null, null, 0, 10));
		assertThat(reconcile().wrong()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void countsADecisionForASolicitationNeverAcceptedAsWrong() {
		decisions.add(new Decision(UUID.randomUUID().toString(), UUID.randomUUID().toString(), owner.id(), "ACCEPT",
				"RULE_2", "COHERENT_NETWORK", null, null, 0, 12));
		assertThat(reconcile().wrong()).isEqualTo(1);
	}

	private Reconciliation.Result reconcile() {
		return new Reconciliation(List.of(sent), List.of(owner)).reconcile(decisions, mails, List.of(), List.of(),
				Instant.now());
	}

	private Mail mail(String role, String to) {
		return new Mail("<" + sent.expectedDecisionId() + "." + role + "@politely>", sent.expectedDecisionId(), role,
				sent.expectedSolicitationId(), to, "ACCEPT", "COHERENT_NETWORK", Instant.now());
	}

	private String requesterEmail() {
		return String.valueOf(((Map<?, ?>) sent.planned.body().get("requester")).get("email"));
	}

}
