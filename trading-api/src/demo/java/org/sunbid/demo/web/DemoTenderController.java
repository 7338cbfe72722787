package org.sunbid.demo.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.demo.DemoTender;
import org.sunbid.platform.ProblemException;

/** Where to watch the demo tender: public, and present only in demo mode. */
@RestController
@ConditionalOnProperty(name = "sunbid.demo", havingValue = "true")
class DemoTenderController {

    private final DemoTender demo;

    DemoTenderController(DemoTender demo) {
        this.demo = demo;
    }

    /** The demo tender's project, lot, phase, deadline, opening time and the opening hall's path. */
    @GetMapping("/api/public/demo-tender")
    DemoTender.Status status() {
        return demo.status().orElseThrow(() -> ProblemException.notFound("demo tender", "demo-tender"));
    }
}
