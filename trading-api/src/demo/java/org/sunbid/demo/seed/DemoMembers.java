package org.sunbid.demo.seed;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberForms;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberRegistration;
import org.sunbid.member.MemberReview;
import org.sunbid.member.RegionCode;
import org.sunbid.member.ResidentIdNumber;
import org.sunbid.member.UnifiedSocialCreditCode;
import org.sunbid.member.Upload;
import org.sunbid.platform.id.MemberId;

/**
 * Seeds realistic demo data when {@code sunbid.demo=true}: platform accounts (staff, regulator, three custodians) and
 * 30 members of each role, mostly approved. The data come from a fixed seed, and each item is inserted only when
 * absent, so the seeder is safe to run at every start.
 */
@Component
@ConditionalOnProperty(name = "sunbid.demo", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class DemoMembers implements ApplicationRunner {

    public static final String PASSWORD = "Demo@Sunbid2026";
    public static final int PER_ROLE = 30;
    private static final long SEED = 20_260_101L;
    private static final Logger log = LoggerFactory.getLogger(DemoMembers.class);

    /** Where the demo tender's tenderee (tenderee01) sits: the demo tender's project is in Xihu district. */
    static final String[] DEMO_TENDER_PLACE = { "330106", "杭州" };
    private static final String[][] PLACES = { { "110108", "北京" }, { "110105", "北京" }, { "310115", "上海" },
            { "310104", "上海" }, { "440106", "广州" }, { "440305", "深圳" }, { "330106", "杭州" }, { "330127", "杭州" },
            { "320106", "南京" }, { "510107", "成都" }, { "500105", "重庆" }, { "420106", "武汉" }, { "610113", "西安" },
            { "370102", "济南" }, { "360732", "赣州" }, { "130627", "保定" } };
    private static final String[] TRADE_NAMES = { "恒信", "宏达", "华兴", "鑫源", "金诚", "博远", "正通", "安泰", "瑞丰", "天成",
            "永盛", "德润", "嘉禾", "汇通", "宏图", "锦程", "广厦", "立信", "盛达", "中和", "久远", "同创", "信达", "万通" };
    private static final String[] BIDDER_TRADES = { "建设工程", "建筑工程", "市政工程", "路桥工程", "水利水电工程", "建筑装饰工程",
            "园林绿化工程", "机电安装工程" };
    private static final String[] TENDEREE_BODIES = { "教育局", "交通运输局", "水务局", "卫生健康委员会", "住房和城乡建设局",
            "城市管理局", "人民医院", "城市建设投资集团有限公司", "文化和旅游局", "农业农村局" };
    private static final String[] AGENCY_TRADES = { "招标代理有限公司", "工程咨询有限公司", "项目管理有限公司", "工程造价咨询有限公司" };
    private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
            "高", "林", "何", "郭", "马", "罗" };
    private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛",
            "明", "超", "秀英", "华", "建国", "志强", "海燕", "国庆", "晓东", "文博" };
    private static final String[] ROADS = { "人民路", "建设路", "解放大道", "中山路", "科技园路", "长江路", "文化路", "新华街" };
    private static final String[] BANKS = { "中国工商银行", "中国建设银行", "中国农业银行", "中国银行", "交通银行", "招商银行" };
    private static final String[] SPECIALTIES = { "A010101", "A010201", "A020101", "A030101", "B010101", "B020101",
            "C050101", "C080101", "D010101", "D020101" };

    private final MemberRegistration registration;
    private final MemberReview review;
    private final AccountManagement accounts;
    private final MemberManagement store;

    DemoMembers(MemberRegistration registration, MemberReview review, AccountManagement accounts, MemberManagement store) {
        this.registration = registration;
        this.review = review;
        this.accounts = accounts;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        Summary summary = seed();
        log.info("Demo data: {} platform accounts and {} members created now ({} already present). Demo logins, all "
                + "with password {}: staff1 (交易中心 STAFF), regulator1 (监管 REGULATOR), custodian1..custodian3 "
                + "(CUSTODIAN), bidder01..bidder{}, tenderee01..tenderee{}, agency01..agency{}, expert01..expert{}",
                summary.accountsCreated(), summary.membersCreated(), summary.membersPresent(), PASSWORD, PER_ROLE,
                PER_ROLE, PER_ROLE, PER_ROLE);
    }

    /** What one run did. */
    public record Summary(int accountsCreated, int membersCreated, int membersPresent) {
    }

    /** Inserts whatever of the demo data is missing. */
    public Summary seed() {
        int accountsCreated = 0;
        Map<String, Object[]> platform = new LinkedHashMap<>();
        platform.put("staff1", new Object[] { Role.STAFF, "交易中心审核员 陈静" });
        platform.put("regulator1", new Object[] { Role.REGULATOR, "监管局监督员 王强" });
        platform.put("custodian1", new Object[] { Role.CUSTODIAN, "密钥保管人 李明" });
        platform.put("custodian2", new Object[] { Role.CUSTODIAN, "密钥保管人 赵敏" });
        platform.put("custodian3", new Object[] { Role.CUSTODIAN, "密钥保管人 周涛" });
        for (var e : platform.entrySet()) {
            if (!accounts.usernameTaken(e.getKey())) {
                accounts.createPlatformAccount(e.getKey(), PASSWORD, (Role) e.getValue()[0], (String) e.getValue()[1],
                        null);
                accountsCreated++;
            }
        }
        UUID staff = accounts.platformAccounts().stream().filter(a -> a.username().equals("staff1")).findFirst()
                .orElseThrow().id();

        Random random = new Random(SEED);
        Set<String> usedNames = new HashSet<>();
        List<Planned> plan = new ArrayList<>();
        List<String> bidderCodes = new ArrayList<>();
        for (int i = 1; i <= PER_ROLE; i++) {
            Planned p = company(random, Role.BIDDER, "bidder%02d".formatted(i), i, usedNames, plan);
            bidderCodes.add(p.company().uscc());
            plan.add(p);
        }
        for (int i = 1; i <= PER_ROLE; i++) {
            plan.add(company(random, Role.TENDEREE, "tenderee%02d".formatted(i), i, usedNames, plan));
        }
        for (int i = 1; i <= PER_ROLE; i++) {
            plan.add(company(random, Role.AGENT, "agency%02d".formatted(i), i, usedNames, plan));
        }
        for (int i = 1; i <= PER_ROLE; i++) {
            plan.add(expert(random, "expert%02d".formatted(i), i, bidderCodes));
        }

        int created = 0;
        int present = 0;
        for (Planned p : plan) {
            boolean exists = p.company() != null
                    ? store.registered(new UnifiedSocialCreditCode(p.company().uscc()))
                    : store.registered(new ResidentIdNumber(p.expert().idNumber()));
            if (exists || accounts.usernameTaken(p.username())) {
                present++;
                continue;
            }
            MemberId id = MemberId.of(p.company() != null ? registration.registerCompany(p.company(), p.uploads()).id()
                    : registration.registerExpert(p.expert()).id());
            switch (p.outcome()) {
                case APPROVED -> review.approve(id, AccountId.of(staff));
                case RETURNED -> review.returnForCorrection(id, "营业执照扫描件不清晰，请重新上传", AccountId.of(staff));
                case PENDING -> {
                }
            }
            created++;
        }
        return new Summary(accountsCreated, created, present);
    }

    private enum Outcome { APPROVED, PENDING, RETURNED }

    private record Planned(String username, MemberForms.CompanyRegistration company,
            MemberForms.ExpertRegistration expert, Map<String, Upload> uploads, Outcome outcome) {
    }

    private static Outcome outcome(int i) {
        return i % 10 == 7 ? Outcome.PENDING : i % 10 == 9 ? Outcome.RETURNED : Outcome.APPROVED;
    }

    private static Planned company(Random random, Role role, String username, int i, Set<String> usedNames,
            List<Planned> earlier) {
        String[] place = PLACES[random.nextInt(PLACES.length)];
        if (role == Role.TENDEREE && i == 1) {
            // tenderee01 runs the demo tender, a Xihu district project: its seat is Xihu too (the draw above still
            // happens, so every other demo member stays as it was)
            place = DEMO_TENDER_PLACE;
        }
        String region = place[0];
        String regionName = new RegionCode(region).name().orElseThrow();
        String name;
        do {
            name = switch (role) {
                case BIDDER -> place[1] + pick(random, TRADE_NAMES) + pick(random, BIDDER_TRADES) + "有限公司";
                case TENDEREE -> regionName + pick(random, TENDEREE_BODIES);
                default -> place[1] + pick(random, TRADE_NAMES) + pick(random, AGENCY_TRADES);
            };
        } while (!usedNames.add(name));
        String uscc = SampleCodes.uscc(random, region).value();
        String repName = person(random);
        String repId = SampleCodes.idNumber(random, region, LocalDate.of(1960, 1, 1).plusDays(random.nextInt(12_000)))
                .value();
        MemberForms.Shareholder controller = null;
        // A few bidders share a legal representative or are controlled by another: demo data for relation checks.
        if (role == Role.BIDDER && i % 6 == 0 && !earlier.isEmpty()) {
            MemberForms.CompanyRegistration previous = earlier.get(earlier.size() - 1).company();
            repName = previous.legalRepresentative().name();
            repId = previous.legalRepresentative().idNumber();
        } else if (role == Role.BIDDER && i % 6 == 3 && !earlier.isEmpty()) {
            MemberForms.CompanyRegistration previous = earlier.get(earlier.size() - 1).company();
            controller = new MemberForms.Shareholder(previous.name(), previous.uscc());
        }
        String contactPhone = "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
        String address = regionName + pick(random, ROADS) + (1 + random.nextInt(300)) + "号";
        String bank = pick(random, BANKS) + place[1] + "分行";
        String account = "%04d%06d%08d".formatted(random.nextInt(10_000), random.nextInt(1_000_000),
                random.nextInt(100_000_000));
        String scope = switch (role) {
            case BIDDER -> "房屋建筑工程、市政公用工程施工总承包；建筑装饰装修工程专业承包";
            case TENDEREE -> "政府投资项目建设管理";
            default -> "工程招标代理；政府采购代理；工程造价咨询";
        };
        List<MemberForms.QualificationInput> qualifications = List.of();
        Map<String, Upload> uploads = Map.of();
        if (role != Role.TENDEREE) {
            LocalDate expires = LocalDate.of(2026, 6, 1).plusDays(random.nextInt(1500));
            String kind = role == Role.BIDDER ? "建筑业企业资质证书" : "工程咨询单位甲级资信证书";
            String grade = role == Role.BIDDER ? pick(random, new String[] { "施工总承包特级", "施工总承包一级", "施工总承包二级" })
                    : "甲级";
            qualifications = List.of(new MemberForms.QualificationInput(kind, "D%09d".formatted(random.nextInt(1_000_000_000)),
                    grade, regionName.substring(0, Math.min(3, regionName.length())) + "住房和城乡建设主管部门",
                    expires.toString()));
            byte[] pdf = ("%PDF-1.4\n% Sunbid demo scan of " + name + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
            uploads = Map.of("qualifications[0].scan", new Upload("qualifications[0].scan", "资质证书.pdf", pdf.length,
                    () -> new java.io.ByteArrayInputStream(pdf)));
        }
        var form = new MemberForms.CompanyRegistration(role.name(), username, PASSWORD, name, uscc,
                new MemberForms.Person(repName, repId), controller,
                List.of(new MemberForms.ContactInput(person(random), contactPhone, null)), address, region, scope,
                new MemberForms.Bank(bank, account), qualifications);
        return new Planned(username, form, null, uploads, outcome(i));
    }

    private static Planned expert(Random random, String username, int i, List<String> employers) {
        String[] place = PLACES[random.nextInt(PLACES.length)];
        String idNumber = SampleCodes.idNumber(random, place[0],
                LocalDate.of(1955, 1, 1).plusDays(random.nextInt(11_000))).value();
        int t = random.nextInt(20);
        String title = t < 6 ? "SENIOR" : t < 15 ? "ASSOCIATE_SENIOR" : t < 19 ? "INTERMEDIATE" : "JUNIOR";
        List<String> specialties = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        while (specialties.size() < count) {
            String s = pick(random, SPECIALTIES);
            if (!specialties.contains(s)) {
                specialties.add(s);
            }
        }
        String phone = "13" + "%09d".formatted(random.nextInt(1_000_000_000));
        var form = new MemberForms.ExpertRegistration(username, PASSWORD, person(random), idNumber,
                employers.get(random.nextInt(employers.size())), specialties, title, 4 + random.nextInt(30), phone);
        return new Planned(username, null, form, Map.of(), outcome(i));
    }

    private static String person(Random random) {
        return pick(random, SURNAMES) + pick(random, GIVEN);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
