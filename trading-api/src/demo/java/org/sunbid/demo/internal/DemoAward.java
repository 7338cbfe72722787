package org.sunbid.demo.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.award.AwardContracts;
import org.sunbid.award.AwardManagement;
import org.sunbid.award.AwardView;
import org.sunbid.award.Candidate;
import org.sunbid.member.CertificateBinding;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.pdf.DocumentSpec;
import org.sunbid.signing.pdf.PdfRenderer;

/**
 * The demo tender after its evaluation: the tenderee publishes the candidates' publicity (中标候选人公示, three days on
 * the accelerated clock), waits for it to end, signs its award decision for the first-ranked candidate with its demo
 * key (the award notice, award letter and result letters follow), and uploads the signed contract, which completes
 * the project and builds its archive package. Each step is skipped when already done.
 */
@Component
public class DemoAward {

    private static final Logger log = LoggerFactory.getLogger(DemoAward.class);

    private final AwardManagement awards;
    private final AwardContracts contracts;
    private final CertificateBinding members;
    private final PlatformProperties platform;

    DemoAward(AwardManagement awards, AwardContracts contracts, CertificateBinding members, PlatformProperties platform) {
        this.awards = awards;
        this.contracts = contracts;
        this.members = members;
        this.platform = platform;
    }

    /** Runs the lot from its concluded evaluation to the signed contract; returns the award's final view. */
    public AwardView award(String code, DemoPeople people, String tendereeUsername, UUID lot, Supplier<DemoCa> demoCa,
            DemoPace pace) {
        AwardView view = awards.view(people.tenderee(), LotId.of(lot));
        if (view.publicityFrom() == null) {
            view = awards.publishPublicity(people.tenderee(), LotId.of(lot), null);
            log.info("Demo tender {}: candidates' publicity published until {} ({} candidates)", code,
                    view.publicityUntil(), view.candidates().size());
        }
        if (view.decidedAt() == null) {
            pace.sleepUntil(view.publicityUntil().plusMillis(1));
            Candidate first = view.candidates().get(0);
            SigningKey key = DemoBidderFiles.boundKey(platform, demoCa, members, people.staff(), tendereeUsername,
                    people.tendereeName(), people.tenderee().requireMember());
            String decision = AwardManagement.decisionContent(LotId.of(lot), first.bid(), List.of());
            byte[] signature = new CmsSigner(key).sign(decision.getBytes(StandardCharsets.UTF_8), true);
            view = awards.decide(people.tenderee(), LotId.of(lot), first.bid(), List.of(), signature);
            log.info("Demo tender {}: award decided for {} — the award notice (中标结果公告) is published", code,
                    view.winner());
        }
        if (view.contractAt() == null) {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            PdfRenderer.render(new DocumentSpec("建设工程施工合同（演示）", "Construction contract (demo)", code, null,
                    List.of(new DocumentSpec.Paragraph("发包人：" + people.tendereeName() + "；承包人：" + view.winner()
                            + "。本合同为演示文本。 This contract is demo text."))), pdf);
            try {
                view = contracts.upload(people.tenderee(), LotId.of(lot), "施工合同（演示）.pdf",
                        new ByteArrayInputStream(pdf.toByteArray()));
                log.info("Demo tender {}: contract uploaded; the project is complete and archived", code);
            } catch (ProblemException e) {
                log.warn("Demo tender {}: the contract was refused: {}", code, e.type());
            }
        }
        return view;
    }
}
