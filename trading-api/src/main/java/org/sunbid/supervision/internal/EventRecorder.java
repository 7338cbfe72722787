package org.sunbid.supervision.internal;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.sunbid.identity.CurrentUser;
import org.sunbid.supervision.CanonicalJson;

/**
 * Listens to every application event that is a record of an {@code org.sunbid} feature and queues it for the log.
 * Nothing in the platform depends on this class: features publish past-tense events and the log picks them up.
 * Caller, address and device are read on the publishing thread; the entry is queued when the publishing
 * transaction commits (or at once without a transaction), so rolled-back changes are not logged as done.
 */
@Component
class EventRecorder {

    static final String DEVICE_HEADER = "X-Device-Fingerprint";

    private final LogWriter writer;
    private final EntrySealing sealing;
    private final Clock clock;

    EventRecorder(LogWriter writer, EntrySealing sealing, Clock clock) {
        this.writer = writer;
        this.sealing = sealing;
        this.clock = clock;
    }

    @EventListener
    void on(PayloadApplicationEvent<?> event) {
        Object payload = event.getPayload();
        if (!(payload instanceof Record record) || !payload.getClass().getName().startsWith("org.sunbid.")) {
            return;
        }
        LogWriter.Pending pending = describe(record);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    writer.enqueue(atCommitTime(pending));
                }
            });
        } else {
            writer.enqueue(pending);
        }
    }

    private LogWriter.Pending atCommitTime(LogWriter.Pending p) {
        return p.at(clock.instant());
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
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (Map.of("by", 1, "actor", 1).containsKey(component.getName())) {
                continue;
            }
            try {
                var accessor = component.getAccessor();
                accessor.setAccessible(true);
                Optional<UUID> id = asUuid(accessor.invoke(record));
                if (id.isPresent()) {
                    return id.map(UUID::toString);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // unreadable component: no subject from it
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
        if (value instanceof Record wrapper && wrapper.getClass().getRecordComponents().length == 1) {
            try {
                var accessor = wrapper.getClass().getRecordComponents()[0].getAccessor();
                accessor.setAccessible(true);
                Object inner = accessor.invoke(wrapper);
                return inner instanceof UUID id ? Optional.of(id) : Optional.empty();
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
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
