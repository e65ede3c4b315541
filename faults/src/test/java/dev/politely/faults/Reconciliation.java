package dev.politely.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.politely.faults.CallbackReceiver.Callback;
import dev.politely.faults.DecisionLog.Decision;
import dev.politely.harness.MailSink.Mail;

/**
 * What one scenario's accepted solicitations came to, counted against what they had to
 * come to:
 * <ul>
 * <li>lost: an accepted solicitation with no final decision; a final decision without its
 * owner email, or without its requester email when the requester gave an address; a
 * callback never answered 2xx;</li>
 * <li>duplicated: a solicitation decided more than once; a second email to the same role
 * for the same decision with a different Message-ID; a callback for the same decision
 * under a different webhook-id;</li>
 * <li>wrong: an outcome, rule, reason or offered minutes other than {@link OwnerModel}'s,
 * a REVIEW, a decision id or solicitation id other than the contract's, an email header
 * or recipient that does not match the decision, a requester email where the requester
 * gave no address, a callback with a bad signature, a decision for a solicitation that
 * was never accepted, a refused (4xx) delivery;</li>
 * <li>resent: the same email again with the same Message-ID (contract 4: "a resend after
 * a crash is recognisable"), or the same callback again after a 2xx, with the same
 * webhook-id. Not counted as duplicates; reported.</li>
 * </ul>
 */
final class Reconciliation {

	/** Above this, from first attempt to last answer, a solicitation felt the fault. */
	static final Duration LATE = Duration.ofSeconds(5);

	record Result(int accepted, int decisions, int emails, int lost, int duplicated, int wrong, int resent,
			int counterDependent, int callbacksAnswered, int callbackAttempts, Duration recovery, Duration maxLatency,
			List<String> problems) {
	}

	private final List<Load.Sent> sent;

	private final Set<String> owners;

	Reconciliation(List<Load.Sent> sent, Collection<Owner> owners) {
		this.sent = sent;
		this.owners = owners.stream().map(Owner::id).collect(Collectors.toSet());
	}

	Result reconcile(List<Decision> allDecisions, List<Mail> allMails, List<Callback> allCallbacks,
			List<String> refused, Instant injectedAt) {
		Map<String, Load.Sent> bySolicitation = new HashMap<>();
		for (Load.Sent s : sent) {
			bySolicitation.put(s.expectedSolicitationId(), s);
		}
		Map<String, List<Decision>> decisions = allDecisions.stream()
			.filter(d -> owners.contains(d.ownerId()) || bySolicitation.containsKey(d.solicitationId()))
			.collect(Collectors.groupingBy(d -> String.valueOf(d.solicitationId())));
		Set<String> decisionIds = new HashSet<>();
		sent.forEach(s -> decisionIds.add(s.expectedDecisionId()));
		Map<String, List<Mail>> mails = allMails.stream()
			.filter(m -> bySolicitation.containsKey(m.solicitationId()) || decisionIds.contains(m.decisionId()))
			.collect(Collectors.groupingBy(m -> String.valueOf(m.decisionId())));
		Map<String, List<Callback>> callbacks = allCallbacks.stream()
			.filter(c -> owners.contains(c.ownerId()))
			.collect(Collectors.groupingBy(c -> String.valueOf(c.solicitationId())));

		List<String> problems = new ArrayList<>();
		int lost = 0, duplicated = 0, wrong = 0, resent = 0, counterDependent = 0, finals = 0;
		int callbacksAnswered = 0, callbackAttempts = 0;
		Instant recoveredAt = null;
		Duration maxLatency = Duration.ZERO;
		boolean complete = true;

		for (String r : refused) {
			wrong++;
			problems.add("wrong: delivery refused " + r);
		}
		for (Load.Sent s : sent) {
			String id = s.expectedSolicitationId();
			String what = s.owner.id() + "#" + s.planned.sequence() + " (solicitation " + id + ")";
			if (!id.equals(s.solicitationId)) {
				wrong++;
				problems.add("wrong: intake answered solicitationId " + s.solicitationId + " for " + what);
			}
			List<Decision> found = decisions.getOrDefault(id, List.of());
			List<Decision> fin = found.stream().filter(d -> !"REVIEW".equals(d.outcome())).toList();
			if (found.size() != fin.size()) {
				wrong++;
				problems.add("wrong: REVIEW for " + what);
			}
			if (fin.isEmpty()) {
				lost++;
				complete = false;
				problems.add("lost: no final decision for " + what);
				continue;
			}
			finals += fin.size();
			if (fin.size() > 1) {
				duplicated += fin.size() - 1;
				problems.add("duplicated: " + fin.size() + " decisions for " + what + " at "
						+ fin.stream().map(d -> d.partition() + "@" + d.offset()).toList());
			}
			Decision d = fin.get(0);
			OwnerModel.Expected e = s.planned.expected();
			if (e.dependsOnCounters()) {
				counterDependent++;
			}
			if (!s.expectedDecisionId().equals(d.decisionId())) {
				wrong++;
				problems.add("wrong: decisionId " + d.decisionId() + " for " + what);
			}
			if (!e.outcome().equals(d.outcome()) || !e.rule().equals(d.rule()) || !e.reason().equals(d.reason())
					|| !Objects.equals(e.offeredMinutes(), d.offeredMinutes())) {
				wrong++;
				problems.add("wrong: " + what + " decided " + d.outcome() + "/" + d.rule() + "/" + d.reason() + "/"
						+ d.offeredMinutes() + ", expected " + e.outcome() + "/" + e.rule() + "/" + e.reason() + "/"
						+ e.offeredMinutes());
			}
			if (s.callbackUrl != null && !s.callbackUrl.equals(d.callbackUrl())) {
				wrong++;
				problems.add("wrong: decision of " + what + " carries callbackUrl " + d.callbackUrl());
			}

			// emails, by role
			List<Mail> theirs = mails.getOrDefault(s.expectedDecisionId(), List.of());
			Instant answeredAt = null;
			for (String role : List.of("owner", "requester")) {
				List<Mail> forRole = theirs.stream().filter(m -> role.equals(m.role())).toList();
				boolean expected = role.equals("owner") || s.planned.requesterEmail();
				if (forRole.isEmpty()) {
					if (expected) {
						lost++;
						complete = false;
						problems.add("lost: no " + role + " email for " + what);
					}
					continue;
				}
				if (!expected) {
					wrong++;
					problems.add(
							"wrong: " + forRole.size() + " requester email(s) for " + what + ", which gave no address");
					continue;
				}
				Map<String, Long> byMessageId = forRole.stream()
					.collect(Collectors.groupingBy(m -> String.valueOf(m.messageId()), Collectors.counting()));
				if (byMessageId.size() > 1) {
					duplicated += byMessageId.size() - 1;
					problems.add("duplicated: " + role + " emails of " + what + " with different Message-IDs "
							+ byMessageId.keySet());
				}
				long again = forRole.size() - byMessageId.size();
				if (again > 0) {
					resent += (int) again;
					problems.add("resent: " + role + " email of " + what + " " + (again + 1) + " times with Message-ID "
							+ byMessageId.keySet());
				}
				String recipient = role.equals("owner") ? s.owner.email()
						: String.valueOf(((Map<?, ?>) s.planned.body().get("requester")).get("email")).toLowerCase();
				for (Mail m : forRole) {
					if (!recipient.equals(m.recipient()) || !d.outcome().equals(m.outcome())
							|| !id.equals(m.solicitationId())) {
						wrong++;
						problems.add("wrong: " + role + " email of " + what + " to " + m.recipient() + ", outcome "
								+ m.outcome() + ", solicitation " + m.solicitationId());
					}
				}
				Instant first = forRole.stream().map(Mail::at).min(Instant::compareTo).orElseThrow();
				answeredAt = answeredAt == null || first.isAfter(answeredAt) ? first : answeredAt;
			}
			for (Mail m : theirs) {
				if (!"owner".equals(m.role()) && !"requester".equals(m.role())) {
					wrong++;
					problems.add("wrong: email with Message-ID " + m.messageId() + " for " + what);
				}
			}

			// the callback, when the solicitation asked for one
			List<Callback> calls = callbacks.getOrDefault(id, List.of());
			if (s.callbackUrl == null && !calls.isEmpty()) {
				wrong++;
				problems.add("wrong: callback for " + what + ", which asked for none");
			}
			if (s.callbackUrl != null) {
				callbackAttempts += calls.size();
				Set<String> webhookIds = calls.stream()
					.map(c -> String.valueOf(c.webhookId()))
					.collect(Collectors.toSet());
				if (webhookIds.size() > 1) {
					duplicated += webhookIds.size() - 1;
					problems.add("duplicated: callbacks of " + what + " under webhook-ids " + webhookIds);
				}
				for (Callback c : calls) {
					if (!c.signatureValid() || !d.outcome().equals(c.outcome())
							|| !d.decisionId().equals(c.webhookId())) {
						wrong++;
						problems.add("wrong: callback of " + what + " (signature valid " + c.signatureValid()
								+ ", outcome " + c.outcome() + ", webhook-id " + c.webhookId() + ")");
					}
				}
				List<Callback> answered = calls.stream().filter(c -> c.status() >= 200 && c.status() < 300).toList();
				if (answered.isEmpty()) {
					lost++;
					complete = false;
					problems.add("lost: no callback answered 2xx for " + what + " (" + calls.size() + " attempts)");
				}
				else {
					callbacksAnswered++;
					if (answered.size() > 1) {
						resent += answered.size() - 1;
						problems.add("resent: callback of " + what + " delivered " + answered.size()
								+ " times after a 2xx, webhook-id " + webhookIds);
					}
					Instant first = answered.stream().map(Callback::at).min(Instant::compareTo).orElseThrow();
					answeredAt = answeredAt == null || first.isAfter(answeredAt) ? first : answeredAt;
				}
			}
			if (answeredAt != null) {
				Duration latency = Duration.between(s.firstAttempt, answeredAt);
				maxLatency = latency.compareTo(maxLatency) > 0 ? latency : maxLatency;
				if (latency.compareTo(LATE) > 0 && (recoveredAt == null || answeredAt.isAfter(recoveredAt))) {
					recoveredAt = answeredAt;
				}
			}
		}

		// decisions and emails of this scenario's owners that no accepted solicitation
		// explains
		for (Map.Entry<String, List<Decision>> e : decisions.entrySet()) {
			if (!bySolicitation.containsKey(e.getKey())) {
				wrong++;
				problems.add("wrong: " + e.getValue().size() + " decision(s) for solicitation " + e.getKey()
						+ ", never accepted");
			}
		}
		for (Map.Entry<String, List<Mail>> e : mails.entrySet()) {
			if (!decisionIds.contains(e.getKey())) {
				duplicated += e.getValue().size();
				problems.add("duplicated: " + e.getValue().size() + " email(s) for decision " + e.getKey()
						+ ", which is not the solicitation's decision");
			}
		}
		int emails = mails.values().stream().mapToInt(List::size).sum();
		Duration recovery = !complete ? null
				: recoveredAt == null ? Duration.ZERO : injectedAt == null || recoveredAt.isBefore(injectedAt)
						? Duration.ZERO : Duration.between(injectedAt, recoveredAt);
		return new Result(sent.size(), finals, emails, lost, duplicated, wrong, resent, counterDependent,
				callbacksAnswered, callbackAttempts, recovery, maxLatency, problems);
	}

}
