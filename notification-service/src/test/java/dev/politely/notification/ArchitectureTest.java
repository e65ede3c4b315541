package dev.politely.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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

}
