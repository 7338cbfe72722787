package org.sunbid.alert.web;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.alert.AlertId;
import org.sunbid.alert.AlertManagement;
import org.sunbid.alert.AlertView;
import org.sunbid.alert.Signal;
import org.sunbid.credit.CreditRecord;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/** Collusion alerts: regulators see and handle them, a lot's committee members see that lot's; nobody else. */
@RestController
@RequestMapping("/api/alerts")
@Tag(name = "alerts", description = "围标串标预警 Collusion alerts")
class AlertController {

    private final AlertManagement alerts;

    AlertController(AlertManagement alerts) {
        this.alerts = alerts;
    }

    record Step(String reason, List<String> documents) {
    }

    record Confirmation(String reason, List<String> documents, List<UUID> bidders, CreditRecord.Severity severity) {
    }

    record DocumentBody(String filename, String mediaType, String content) {
    }

    record DocumentRef(String sha256, String filename, String mediaType, java.time.Instant addedAt) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('REGULATOR','EXPERT')")
    @Operation(summary = "预警列表（按分值） Alerts by score")
    List<AlertView> list(CurrentUser user) {
        return alerts.list(user);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('REGULATOR','EXPERT')")
    @Operation(summary = "预警详情与证据 Alert with its evidence")
    AlertView view(CurrentUser user, @PathVariable UUID id) {
        return alerts.view(user, new AlertId(id));
    }

    @GetMapping(value = "/{id}/evidence-pack", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('REGULATOR','EXPERT')")
    @Operation(summary = "平台签章的证据包 PDF Evidence pack signed by the platform")
    ResponseEntity<byte[]> pack(CurrentUser user, @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"alert-" + id + ".pdf\"")
                .body(alerts.evidencePack(user, new AlertId(id)));
    }

    @PostMapping("/lots/{lotId}/assessment")
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "重新计算标段的预警信号 Re-run a lot's signals")
    ResponseEntity<AlertView> reassess(CurrentUser user, @PathVariable UUID lotId) {
        return alerts.reassess(user, new LotId(lotId)).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/lots/{lotId}/signals")
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "标段的全部信号（含未达预警分值） All signals of a lot, also below the alert score")
    List<Signal> signals(CurrentUser user, @PathVariable UUID lotId) {
        return alerts.signalsOf(user, new LotId(lotId));
    }

    @PostMapping("/{id}/documents")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "添加调查材料 Add a document")
    DocumentRef addDocument(CurrentUser user, @PathVariable UUID id, @RequestBody DocumentBody body) {
        if (body == null || body.content() == null) {
            throw ProblemException.invalid("content", "alert.document.size", AlertManagement.MAX_DOCUMENT_BYTES);
        }
        byte[] content;
        try {
            content = Base64.getMimeDecoder().decode(body.content());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("content", "alert.document.not-base64");
        }
        String sha = alerts.addDocument(user, new AlertId(id), body.filename(), body.mediaType(), content);
        return alerts.documents(user, new AlertId(id)).stream().filter(d -> d.sha256().equals(sha)).findFirst()
                .map(d -> new DocumentRef(d.sha256(), d.filename(), d.mediaType(), d.addedAt())).orElseThrow();
    }

    @GetMapping("/{id}/documents")
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "调查材料 Documents of an alert")
    List<DocumentRef> documents(CurrentUser user, @PathVariable UUID id) {
        return alerts.documents(user, new AlertId(id)).stream()
                .map(d -> new DocumentRef(d.sha256(), d.filename(), d.mediaType(), d.addedAt())).toList();
    }

    @PostMapping("/{id}/investigation")
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "开始调查 Start investigating")
    AlertView investigate(CurrentUser user, @PathVariable UUID id, @RequestBody Step body) {
        return alerts.investigate(user, new AlertId(id), body == null ? null : body.reason(), body == null ? null : body.documents());
    }

    @PostMapping("/{id}/dismissal")
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "排除 Dismiss")
    AlertView dismiss(CurrentUser user, @PathVariable UUID id, @RequestBody Step body) {
        return alerts.dismiss(user, new AlertId(id), body == null ? null : body.reason(), body == null ? null : body.documents());
    }

    @PostMapping("/{id}/confirmation")
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "认定串通投标并登记不良行为 Confirm collusion and record bad credit")
    AlertView confirm(CurrentUser user, @PathVariable UUID id, @RequestBody Confirmation body) {
        if (body == null) {
            throw ProblemException.invalid("reason", "alert.reason.required");
        }
        return alerts.confirm(user, new AlertId(id), body.reason(), body.documents(),
                body.bidders() == null ? null : body.bidders().stream().map(MemberId::new).toList(), body.severity());
    }
}
