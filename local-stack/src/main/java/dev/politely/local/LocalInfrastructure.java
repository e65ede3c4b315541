package dev.politely.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the local broker and mail sink in the foreground and stops both on Ctrl-C.
 *
 * <p>Usage: {@code LocalInfrastructure <data-dir>}, where the broker keeps its log under
 * {@code <data-dir>/kafka} and the sink its mailboxes under {@code <data-dir>/mail}.
 */
public final class LocalInfrastructure {

    private LocalInfrastructure() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : ".politely").toAbsolutePath();
        LocalBroker broker = LocalBroker.start(dataDir.resolve("kafka"), 9092, 9093);
        LocalMailSink mail = LocalMailSink.start(dataDir.resolve("mail"), 3025, 3143);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mail.stop();
            broker.stop();
            stopped.countDown();
        }, "local-infrastructure-shutdown"));
        System.out.println("politely-local: ready (kafka localhost:9092, smtp localhost:3025, imap localhost:3143)");
        stopped.await();
    }
}
