package dev.politely.intake;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.politely.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule intakeImportsNoOtherService = noClasses().that()
		.resideInAPackage("dev.politely.intake..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.politely.policy..", "dev.politely.notification..");

	@ArchTest
	static final ArchRule onlyTheWebPackageKnowsTheWeb = noClasses().that()
		.resideInAnyPackage("dev.politely.intake.solicitation..", "dev.politely.intake.owner..",
				"dev.politely.intake.verdict..", "dev.politely.intake.event..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.politely.intake.web..", "org.springframework.web..", "jakarta.servlet..");

	@ArchTest
	static final ArchRule verdictTokensAreCheckedWithoutSpringOrKafka = noClasses().that()
		.haveSimpleNameStartingWith("VerdictToken")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.apache.kafka..");

}
