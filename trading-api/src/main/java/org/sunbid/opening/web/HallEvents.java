package org.sunbid.opening.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.sunbid.identity.CurrentUser;
import org.sunbid.opening.OpeningHall;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hall as server-sent events ({@code text/event-stream}): each listener gets the hall as it may see it
 * ({@code event: hall}, the same JSON as the hall's GET) at once and again whenever it changed. The hall is read from
 * the database, so a listener connected to one node sees what any node did (a release, a bid decrypted by the job on
 * another node). A comment line keeps proxies from closing a quiet stream; polling stays the fallback.
 */
@Component
class HallEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HallEvents.class);

    private final OpeningHall hall;
    private final JsonMapper json;
    private final Duration interval;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hall-events");
        t.setDaemon(true);
        return t;
    });
    private long ticks;

    HallEvents(OpeningHall hall, JsonMapper json, @Value("${sunbid.opening.events-interval:PT1S}") Duration interval) {
        this.hall = hall;
        this.json = json;
        this.interval = interval;
        ticker.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static final class Listener {
        final CurrentUser viewer;
        final ProjectId project;
        final LotId lot;
        final SseEmitter emitter;
        String last;

        Listener(CurrentUser viewer, ProjectId project, LotId lot, SseEmitter emitter) {
            this.viewer = viewer;
            this.project = project;
            this.lot = lot;
            this.emitter = emitter;
        }
    }

    /** Opens a stream for {@code viewer}; refused (404/403) exactly as the hall's GET would be. */
    SseEmitter open(CurrentUser viewer, ProjectId project, LotId lot) {
        OpeningHall.SessionView first = hall.view(viewer, project, lot);
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Listener listener = new Listener(viewer, project, lot, emitter);
        emitter.onCompletion(() -> listeners.remove(listener));
        emitter.onTimeout(() -> listeners.remove(listener));
        emitter.onError(e -> listeners.remove(listener));
        send(listener, first);
        listeners.add(listener);
        return emitter;
    }

    private void tick() {
        boolean keepAlive = ++ticks % Math.max(1, Duration.ofSeconds(15).dividedBy(interval)) == 0;
        for (Listener listener : listeners) {
            try {
                send(listener, hall.view(listener.viewer, listener.project, listener.lot));
                if (keepAlive) {
                    listener.emitter.send(SseEmitter.event().comment("keep-alive"));
                }
            } catch (IOException | RuntimeException e) {
                log.debug("hall stream of lot {} closed: {}", listener.lot, e.toString());
                listeners.remove(listener);
                listener.emitter.completeWithError(e);
            }
        }
    }

    /** Sends the hall if it changed since the last event (the server's clock alone is no change). */
    private void send(Listener listener, OpeningHall.SessionView view) {
        JsonNode tree = json.valueToTree(view);
        String body = json.writeValueAsString(tree);
        ((ObjectNode) tree).remove("serverTime");
        String fingerprint = json.writeValueAsString(tree);
        if (Objects.equals(fingerprint, listener.last)) {
            return;
        }
        try {
            listener.emitter.send(SseEmitter.event().name("hall").data(body, MediaType.APPLICATION_JSON));
            listener.last = fingerprint;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    int listeners() {
        return listeners.size();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        listeners.forEach(l -> l.emitter.complete());
    }
}
