package org.sunbid.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.sunbid.identity.Role;
import org.sunbid.member.MemberForms.CompanyRegistration;
import org.sunbid.demo.seed.SampleCodes;

/** Named factories of members for tests: fresh codes and user names each time, so tests never collide. */
public final class MemberFixtures {

    public static final String PASSWORD = "Member#Pass2026";
    private static final Random RANDOM = new Random();
    private static final java.util.concurrent.atomic.AtomicLong ID_SEQUENCE =
            new java.util.concurrent.atomic.AtomicLong(RANDOM.nextInt(10_000_000));

    private MemberFixtures() {
    }

    public static String uscc() {
        return SampleCodes.uscc(RANDOM, "110108").value();
    }

    /**
     * A valid resident ID number never handed out before in this JVM: random ones collided now and then (two members
     * with "the same legal representative" are related, and the bid gate rightly refuses the second).
     */
    public static String idNumber() {
        long n = ID_SEQUENCE.getAndIncrement() % 15_000_000L;
        String first17 = "110108" + LocalDate.of(1970, 1, 1).plusDays(n / 1000).toString().replace("-", "")
                + "%03d".formatted(n % 1000);
        return first17 + ResidentIdNumber.checkDigit(first17);
    }

    public static String username(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A complete registration as JSON-ready map, with no qualifications. */
    public static Map<String, Object> companyJson(String role, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("username", username(role.toLowerCase()));
        m.put("password", PASSWORD);
        m.put("name", name);
        m.put("uscc", uscc());
        m.put("legalRepresentative", Map.of("name", "张三", "idNumber", idNumber()));
        m.put("contacts", List.of(Map.of("name", "李四", "phone", "010-62345678", "email", "li@example.cn")));
        m.put("address", "北京市海淀区中关村大街1号");
        m.put("regionCode", "110108");
        m.put("businessScope", "房屋建筑工程施工总承包；市政公用工程施工");
        m.put("bankAccount", Map.of("bankName", "中国工商银行北京海淀支行", "accountNumber", "0200001509020123456"));
        return m;
    }

    public static CompanyRegistration company(Role role, String name) {
        return company(role, name, uscc(), idNumber(), null);
    }

    public static CompanyRegistration company(Role role, String name, String uscc, String legalRepId,
            String controllerUscc) {
        return new CompanyRegistration(role.name(), username(role.name().toLowerCase()), PASSWORD, name, uscc,
                new MemberForms.Person("张三", legalRepId),
                controllerUscc == null ? null : new MemberForms.Shareholder("控股集团有限公司", controllerUscc),
                List.of(new MemberForms.ContactInput("李四", "010-62345678", null)), "北京市海淀区中关村大街1号", "110108",
                "房屋建筑工程施工总承包", new MemberForms.Bank("中国工商银行北京海淀支行", "0200001509020123456"), List.of());
    }

    public static MemberForms.ExpertRegistration expert(String title, int years) {
        return new MemberForms.ExpertRegistration(username("expert"), PASSWORD, "王专家", idNumber(), uscc(),
                new ArrayList<>(List.of("A010101", "B02")), title, years, "13800138000");
    }

    /** Registers and approves a member of {@code role}; returns the registration (member id and account). */
    public static Approved approved(MemberSetup members, Role role) {
        MemberViews.Registered r;
        String username;
        if (role == Role.EXPERT) {
            var form = expert("SENIOR", 12);
            username = form.username();
            r = members.registerExpert(form);
        } else {
            var form = company(role, "测试" + role.name() + "有限公司");
            username = form.username();
            r = members.registerCompany(form, Map.of());
        }
        members.approve(r.id(), null);
        return new Approved(r.id(), r.accountId(), username);
    }

    public record Approved(UUID memberId, UUID accountId, String username) {
    }

    /** The smallest valid PNG signature plus some bytes. */
    public static byte[] png(int size) {
        byte[] b = new byte[size];
        byte[] magic = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
        System.arraycopy(magic, 0, b, 0, magic.length);
        return b;
    }
}
