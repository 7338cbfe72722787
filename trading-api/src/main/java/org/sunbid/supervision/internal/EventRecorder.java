package org.sunbid.supervision.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.sunbid.identity.CurrentUser;
import org.sunbid.supervision.CanonicalJson;

/**
 * Listens to every application event that is a record of an {@code org.sunbid} feature and writes it to the
 * supervision outbox. Nothing in the platform depends on this class: features publish past-tense events and the log
 * picks them up. Caller, address and device are read (and sealed details sealed) on the publishing thread.
 * <ul>
 * <li>In a read-write transaction the entries are inserted just before it commits (one batch per transaction), so
 * they commit with the act or not at all: a rolled-back change is never logged as done, a committed one always is.</li>
 * <li>Without a transaction the entry is inserted at once in a statement of its own (auto-commit).</li>
 * <li>In a read-only transaction, or after a transaction has committed (a listener of its commit publishing), the
 * entries are written in a short transaction of their own once it has committed: such events record reads or
 * follow-ups of an act already durable, and this is the only window (between that commit and this one) where a
 * crash can lose an entry.</li>
 * </ul>
 * With {@code sunbid.supervision.delivery=memory} the former in-memory queue is used instead (benchmark baseline only).
 */
@Component
class EventRecorder {

    static final String DEVICE_HEADER = "X-Device-Fingerprint";

    /** How entries reach the writer. */
    enum Delivery {
        /** The outbox table, in the act's transaction (the default). */
        OUTBOX,
        /** The former in-memory queue after the commit; loses entries on a crash. For the benchmark's baseline. */
        MEMORY
    }

    private final LogWriter writer;
    private final Outbox outbox;
    private final EntrySealing sealing;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Delivery delivery;

    EventRecorder(LogWriter writer, Outbox outbox, EntrySealing sealing, Clock clock,
            PlatformTransactionManager transactions,
            @Value("${sunbid.supervision.delivery:outbox}") String delivery) {
        this.writer = writer;
        this.outbox = outbox;
        this.sealing = sealing;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.delivery = Delivery.valueOf(delivery.toUpperCase(Locale.ROOT));
    }

    @EventListener
    void on(PayloadApplicationEvent<?> event) {
        Object payload = event.getPayload();
        if (!(payload instanceof Record record) || !payload.getClass().getName().startsWith("org.sunbid.")) {
            return;
        }
        LogWriter.Pending pending = describe(record);
        if (delivery == Delivery.MEMORY) {
            inMemory(pending);
        } else if (TransactionSynchronizationManager.isActualTransactionActive()) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                entriesOfThisTransaction().add(pending);
            } else {
                writeAlone(List.of(pending)); // published while the transaction completes: it has committed
            }
        } else {
            outbox.insert(List.of(pending));
            writer.nudge();
        }
    }

    private void inMemory(LogWriter.Pending pending) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    writer.enqueue(pending.at(clock.instant()));
                }
            });
        } else {
            writer.enqueue(pending);
        }
    }

    /**
     * The entries of the current transaction; looked up among its synchronizations (not bound as a resource) so that a
     * transaction suspended by a REQUIRES_NEW one keeps its own.
     */
    private TransactionEntries entriesOfThisTransaction() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof TransactionEntries mine) {
                return mine;
            }
        }
        TransactionEntries mine = new TransactionEntries();
        TransactionSynchronizationManager.registerSynchronization(mine);
        return mine;
    }

    /** Writes entries in a short transaction of their own and wakes the writer. */
    private void writeAlone(List<LogWriter.Pending> pending) {
        ownTransaction.executeWithoutResult(status -> outbox.insert(pending));
        writer.nudge();
    }

    /** The entries one transaction has published: inserted before it commits, or on their own after it. */
    private final class TransactionEntries implements TransactionSynchronization {

        private final List<LogWriter.Pending> buffered = new ArrayList<>(2);
        private boolean beforeCommitDone;
        private boolean committed;

        void add(LogWriter.Pending pending) {
            if (committed) {
                writeAlone(List.of(pending)); // published by a listener of the commit
            } else if (beforeCommitDone) {
                outbox.insert(List.of(pending)); // published by another before-commit callback: still inside
            } else {
                buffered.add(pending);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (readOnly || buffered.isEmpty()) {
                return;
            }
            java.time.Instant now = clock.instant();
            List<LogWriter.Pending> atCommit = new ArrayList<>(buffered.size());
            for (LogWriter.Pending p : buffered) {
                atCommit.add(p.at(now));
            }
            outbox.insert(atCommit);
            buffered.clear();
            beforeCommitDone = true;
        }

        @Override
        public void afterCommit() {
            committed = true;
            writer.nudge();
        }

        @Override
        public void afterCompletion(int status) {
            // read-only, or registered after the commit (then only this callback runs): write them on their own
            if (status == STATUS_COMMITTED && !buffered.isEmpty()) {
                List<LogWriter.Pending> left = List.copyOf(buffered);
                buffered.clear();
                writeAlone(left);
            }
        }

        /** First, so that listeners of the commit that publish find it marked committed. */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    LogWriter.Pending describe(Record record) {
        Map<String, Object> fields = CanonicalJson.componentsOf(record);
        String details = CanonicalJson.write(fields);
        byte[] detailsHash = LogWriter.sha256(details.getBytes(StandardCharsets.UTF_8));
        Optional<CurrentUser> user = currentUser();
        String actor = user.map(u -> u.accountId().toString())
                .or(() -> uuidField(fields, "by", "actor", "account").map(UUID::toString))
                .orElse(RequestContextHolder.getRequestAttributes() != null ? "anonymous" : "system");
        String role = user.map(u -> u.role().name()).orElse(null);
        String subject = firstId(record).orElse(null);
        String ip = null;
        String device = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            ip = truncate(request.getRemoteAddr(), 64);
            device = truncate(request.getHeader(DEVICE_HEADER), 200);
        }
        return sealing.seal(new LogWriter.Pending(clock.instant(), actor, role, actionCode(record.getClass()), subject,
                details, detailsHash, ip, device), fields);
    }

    private static Optional<CurrentUser> currentUser() {
        try {
            return CurrentUser.current();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code org.sunbid.identity.AccountEvents.LoginFailed} becomes {@code identity.login-failed}: the feature
     * (first package below org.sunbid) and the record's simple name in kebab case.
     */
    static String actionCode(Class<?> type) {
        return ACTION_CODES.get(type);
    }

    private static final ClassValue<String> ACTION_CODES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return actionCodeOf(type);
        }
    };

    private static String actionCodeOf(Class<?> type) {
        String rest = type.getPackageName().substring("org.sunbid.".length());
        String feature = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        String name = type.getSimpleName();
        StringBuilder kebab = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                kebab.append('-');
            }
            kebab.append(Character.toLowerCase(c));
        }
        return (feature + "." + kebab).toLowerCase(Locale.ROOT);
    }

    private static Optional<UUID> uuidField(Map<String, Object> fields, String... names) {
        for (String name : names) {
            Optional<UUID> id = asUuid(fields.get(name));
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /** The first component that is a UUID, an id record wrapping one, or a string holding one. */
    static Optional<String> firstId(Record record) {
        CanonicalJson.Components components = CanonicalJson.Components.of(record.getClass());
        for (int i = 0; i < components.size(); i++) {
            if ("by".equals(components.name(i)) || "actor".equals(components.name(i))) {
                continue;
            }
            Optional<UUID> id = asUuid(components.value(record, i));
            if (id.isPresent()) {
                return id.map(UUID::toString);
            }
        }
        return Optional.empty();
    }

    private static Optional<UUID> asUuid(Object value) {
        if (value instanceof Optional<?> o) {
            value = o.orElse(null);
        }
        if (value instanceof UUID id) {
            return Optional.of(id);
        }
        if (value instanceof Record wrapper) {
            CanonicalJson.Components components = CanonicalJson.Components.of(wrapper.getClass());
            return components.size() == 1 && components.value(wrapper, 0) instanceof UUID id ? Optional.of(id)
                    : Optional.empty();
        }
        if (value instanceof String s && s.length() == 36) {
            try {
                return Optional.of(UUID.fromString(s));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String truncate(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
