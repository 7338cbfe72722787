package org.sunbid.alert.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.alert.AlertView;
import org.sunbid.document.DocumentManagement;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.PlatformZone;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectView;
import org.sunbid.signing.pdf.DocumentSpec;

/**
 * The evidence pack of an alert (预警证据包): lot, score, every signal with its bidders and evidence, and the handling
 * steps, rendered and signed by the platform (PAdES with an RFC 3161 timestamp, by the document feature) so it
 * verifies with pdfsig. Rendered on demand and never stored with the documents: only regulators and the lot's
 * committee may fetch it.
 */
@Component
public class EvidencePack {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(PlatformZone.ZONE);
    private static final CurrentUser PLATFORM = new CurrentUser(new UUID(0, 0), "platform", Role.STAFF, Optional.empty());

    /** How a lot is named to people. */
    public record LotNames(String transactionCode, String projectName, String lotName) {
    }

    private final DocumentManagement documents;
    private final ProjectManagement projects;
    private final AccountManagement accounts;

    EvidencePack(DocumentManagement documents, ProjectManagement projects, AccountManagement accounts) {
        this.documents = documents;
        this.projects = projects;
        this.accounts = accounts;
    }

    public LotNames lotNames(UUID projectId, UUID lotId) {
        try {
            ProjectView p = projects.find(PLATFORM, ProjectId.of(projectId));
            String lot = p.lots().stream().filter(l -> l.id().equals(lotId)).findFirst()
                    .map(l -> "第" + l.number() + "标段 " + l.name()).orElse(lotId.toString());
            return new LotNames(p.transactionCode(), p.name(), lot);
        } catch (RuntimeException unknown) {
            return new LotNames("", "", lotId.toString());
        }
    }

    public String accountName(UUID account) {
        return Optional.ofNullable(account).map(AccountId::of).flatMap(accounts::find).map(AccountManagement.AccountView::displayName).orElse("—");
    }

    public byte[] render(AlertView alert, Map<UUID, String> names) {
        List<DocumentSpec.Block> blocks = new ArrayList<>();
        blocks.add(new DocumentSpec.Fields(List.of(new DocumentSpec.Field("项目 Project", alert.projectName()),
                new DocumentSpec.Field("标段 Lot", alert.lotName()),
                new DocumentSpec.Field("预警分值 Score", Integer.toString(alert.score())),
                new DocumentSpec.Field("状态 State", alert.state().name()),
                new DocumentSpec.Field("预警时间 Raised", TIME.format(alert.raisedAt())),
                new DocumentSpec.Field("计算时间 Assessed", TIME.format(alert.assessedAt())))));
        blocks.add(new DocumentSpec.Paragraph("本证据包供评标委员会和行政监督部门参考，不构成认定结论。"
                + " Information for the committee and the regulator, not a verdict."));
        blocks.add(new DocumentSpec.Heading("预警信号 Signals"));
        List<List<String>> rows = new ArrayList<>();
        for (AlertView.SignalView s : alert.signals()) {
            rows.add(List.of(s.label(), String.join("、", s.bidders().stream().map(names::get).toList()),
                    evidence(s.evidence()), Integer.toString(s.weight())));
        }
        blocks.add(new DocumentSpec.Table(List.of("信号 Signal", "投标人 Bidders", "证据 Evidence", "权重 Weight"), rows,
                List.of(2.0, 3.0, 6.0, 1.0)));
        if (!alert.steps().isEmpty()) {
            blocks.add(new DocumentSpec.Heading("处理过程 Handling"));
            blocks.add(new DocumentSpec.Table(List.of("时间 Time", "处理 Step", "人员 By", "理由 Reason"),
                    alert.steps().stream().map(st -> List.of(TIME.format(st.at()), st.from() + " → " + st.to(), st.by(),
                            st.reason())).toList(),
                    List.of(2.0, 2.0, 2.0, 6.0)));
        }
        DocumentSpec spec = new DocumentSpec("围标串标预警证据包", "Collusion alert evidence pack",
                alert.transactionCode(), null, blocks);
        return documents.renderSigned(spec, "预警证据包");
    }

    private static String evidence(Map<String, Object> evidence) {
        StringBuilder b = new StringBuilder();
        evidence.forEach((k, v) -> {
            String value = v instanceof List<?> list ? String.join("；", list.stream().map(String::valueOf).toList())
                    : String.valueOf(v);
            b.append(k).append(": ").append(value.length() > 600 ? value.substring(0, 600) + "…" : value).append('\n');
        });
        return b.toString().strip();
    }
}
