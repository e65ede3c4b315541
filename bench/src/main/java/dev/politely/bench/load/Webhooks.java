package dev.politely.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.politely.harness.SignedWebhook;
import dev.politely.webhook.signature.WebhookSecret;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The solicitations of the run: many owners (so that no owner's rate limit is what is
 * measured), each with a profile written for the services and a secret, and the example
 * solicitations of {@code contracts/examples/} as bodies, without their {@code reply}
 * (the bench measures the email path; a callback to a port nobody listens on would add
 * retries the baselines do not have). Every request has a new webhook-id, a fresh
 * timestamp and a Standard Webhooks signature, as a platform would send it.
 */
public final class Webhooks {

	private static final List<String> BODIES = List.of("connection-coherent.json", "connection-ghost.json",
			"advice-within-budget.json", "private-platform.json", "recommendation-barely-known.json");

	/** An owner of the run. */
	record Owner(String id, String webhookSecret, WebhookSecret key, String pathPrefix) {
	}

	/** One request, ready to write on a connection. */
	record Request(String ownerId, String webhookId, byte[] bytes) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Owner> owners = new ArrayList<>();

	private final List<byte[]> bodies = new ArrayList<>();

	private final String hostHeader;

	private final String run;

	private final AtomicLong sequence = new AtomicLong();

	private Webhooks(String hostHeader, String run) {
		this.hostHeader = hostHeader;
		this.run = run;
	}

	/**
	 * Owners {@code bench-0 .. bench-(n-1)}, their profiles written to {@code profiles}.
	 */
	public static Webhooks forOwners(int n, Path profiles, Path examples, String run) {
		Webhooks webhooks = new Webhooks("127.0.0.1", run);
		SecureRandom random = new SecureRandom();
		try {
			for (int i = 0; i < n; i++) {
				byte[] secret = new byte[24];
				random.nextBytes(secret);
				String text = "whsec_" + Base64.getEncoder().encodeToString(secret);
				Owner owner = new Owner("bench-" + i, text, WebhookSecret.parse(text),
						SignedWebhook.path("bench-" + i));
				Files.writeString(profiles.resolve(owner.id() + ".yml"), profile(owner), StandardCharsets.UTF_8);
				webhooks.owners.add(owner);
			}
			for (String name : BODIES) {
				ObjectNode body = (ObjectNode) JSON.readTree(Files.readAllBytes(examples.resolve(name)));
				body.remove("reply");
				webhooks.bodies.add(JSON.writeValueAsBytes(body));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return webhooks;
	}

	public static String ownerEmail(String ownerId) {
		return ownerId + "@owners.example.org";
	}

	/** The next solicitation: owners and bodies in turn. */
	public Request next() {
		long n = sequence.getAndIncrement();
		Owner owner = owners.get((int) (n % owners.size()));
		byte[] body = bodies.get((int) ((n / owners.size()) % bodies.size()));
		String webhookId = "msg_" + run + "_" + n;
		byte[] bytes = SignedWebhook.post(hostHeader, owner.pathPrefix(), owner.key(), webhookId, body);
		return new Request(owner.id(), webhookId, bytes);
	}

	/** The requests, one after the other, for the harness's open and closed loops. */
	public Supplier<byte[]> requests() {
		return () -> next().bytes();
	}

	public long sent() {
		return sequence.get();
	}

	private static String profile(Owner owner) {
		return """
				# written by ./politely bench
				owner: %s
				displayName: Owner %s
				email: %s
				language: fr
				timezone: Europe/Paris
				webhookSecret: %s
				callbackUrl: null
				purposes: [NETWORK, CONTRIBUTE, FRIENDSHIP]
				activity:
				  keywords: [ressources humaines, RH, recrutement, formation, talent, onboarding, carrière]
				platforms:
				  professional: [linkedin, xing, malt, viadeo, welcome to the jungle]
				  private: [facebook, instagram, whatsapp, snapchat, tiktok]
				connections:
				  minMutualConnections: 3
				  maxUnknownPerMonth: 20
				recommendations:
				  minRelationship: COLLEAGUE
				  minKnownMonths: 12
				advice:
				  weeklyBudgetMinutes: 120
				  defaultMinutes: 30
				  questionMinutes: 10
				contacts:
				  - name: Sophie Lambert
				    email: sophie.lambert@example.net
				    relationship: ACQUAINTANCE
				    since: 2025-06-12
				whenUnsure: REVIEW
				""".formatted(owner.id(), owner.id(), ownerEmail(owner.id()), owner.webhookSecret());
	}

}
