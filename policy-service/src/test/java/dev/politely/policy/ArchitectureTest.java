package dev.politely.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the policy service, guarded by a test rather than by hope. Plain
 * JUnit tests over one import of the production classes.
 */
class ArchitectureTest {

	static final JavaClasses POLICY = importPolicyClasses();

	/**
	 * Only the service's own classes: the rules need the names of what they depend on,
	 * not the dependencies' bytecode, and resolving those from the class path would take
	 * seconds.
	 */
	static JavaClasses importPolicyClasses() {
		ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.politely.policy");
	}

	@Test
	void theDecisionCoreImportsNoSpringAndNoKafka() {
		noClasses().that()
			.resideInAPackage("dev.politely.policy.decision..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..")
			.check(POLICY);
	}

	/**
	 * The profile is the shared {@code owner-profile} module, whose own test keeps it
	 * free of Spring and Kafka.
	 */
	@Test
	void theDecisionCoreDependsOnlyOnJavaAndTheProfile() {
		classes().that()
			.resideInAPackage("dev.politely.policy.decision..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "dev.politely.policy.decision..", "dev.politely.profile..")
			.check(POLICY);
	}

	@Test
	void thePolicyServiceImportsNoOtherService() {
		noClasses().that()
			.resideInAPackage("dev.politely.policy..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.politely.intake..", "dev.politely.notification..")
			.check(POLICY);
	}

}
