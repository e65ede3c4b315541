package dev.politely.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;

@AnalyzeClasses(packages = "dev.politely.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule importsNoOtherService = noClasses().that()
		.resideInAPackage("dev.politely.notification..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.politely.intake..", "dev.politely.policy..")
		.because("services share JSON contracts, never classes");

	@ArchTest
	static final ArchRule decisionsArePlainRecords = noClasses().that()
		.resideInAPackage("..notification.inbound..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "jakarta.mail..", "org.thymeleaf..");

	@ArchTest
	static final ArchRule lettersKnowNothingOfTransport = noClasses().that()
		.resideInAPackage("..notification.letter..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "jakarta.mail..")
		.because("writing a letter is words only: sending it is the delivery package's business");

	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.politely.notification.(*)..")
		.should()
		.beFreeOfCycles();

	/**
	 * {@code config} is the Kafka wiring only; every feature wires itself in its own
	 * package (the owners' profiles are wired by service-support).
	 */
	@ArchTest
	static final ArchRule configDeclaresOnlyKafkaWiring = methods().that()
		.areAnnotatedWith(Bean.class)
		.and()
		.areDeclaredInClassesThat()
		.resideInAPackage("..notification.config..")
		.should()
		.haveRawReturnType(DescribedPredicate.describe("a Kafka factory, template, topic or error handler",
				(JavaClass type) -> List
					.of(NewTopic.class, ConsumerFactory.class, ProducerFactory.class, KafkaTemplate.class,
							KafkaListenerContainerFactory.class, CommonErrorHandler.class)
					.stream()
					.anyMatch(type::isAssignableTo)))
		.because("config keeps the Kafka factories and the error handler; a feature is a component of its package");

	/**
	 * A feature class is public only when another package uses it: names it, calls
	 * something that takes or gives it, or catches it. The plain-Java vocabularies that
	 * every feature reads ({@code inbound}, {@code letter}) are left out.
	 */
	@ArchTest
	static void featureClassesArePublicOnlyForOtherPackages(JavaClasses imported) {
		Set<JavaClass> usedElsewhere = new HashSet<>();
		for (JavaClass origin : imported) {
			Set<JavaClass> used = new HashSet<>();
			origin.getDirectDependenciesFromSelf().forEach(dependency -> used.add(dependency.getTargetClass()));
			origin.getCodeUnitCallsFromSelf().forEach(call -> {
				used.add(call.getTarget().getRawReturnType());
				used.addAll(call.getTarget().getRawParameterTypes());
			});
			origin.getCodeUnits()
				.forEach(unit -> unit.getTryCatchBlocks().forEach(block -> used.addAll(block.getCaughtThrowables())));
			used.stream()
				.filter(type -> !type.getPackageName().equals(origin.getPackageName()))
				.forEach(usedElsewhere::add);
		}
		classes().that()
			.resideInAPackage("dev.politely.notification.(*)..")
			.and()
			.resideOutsideOfPackages("..notification.inbound..", "..notification.letter..")
			.and()
			.haveModifier(JavaModifier.PUBLIC)
			.and()
			.areTopLevelClasses()
			.should(new ArchCondition<>("be used from another package") {
				@Override
				public void check(JavaClass type, ConditionEvents events) {
					boolean used = usedElsewhere.contains(type);
					events.add(new SimpleConditionEvent(type, used,
							type.getName() + " is public but not used outside its package"));
				}
			})
			.check(imported);
	}

}
