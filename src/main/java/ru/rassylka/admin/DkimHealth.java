package ru.rassylka.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import ru.rassylka.mail.DkimSigning;
import ru.rassylka.platform.health.HealthDetails;

/** Whether e-mails are signed with DKIM, and the DNS TXT record the administrator publishes for the selector. */
@ApplicationScoped
public class DkimHealth {

    @Inject
    private DkimSigning dkim;

    public HealthDetails details() {
        if (dkim.problem().isPresent()) {
            return HealthDetails.down(
                    "dkim", Map.of("signing", false), dkim.problem().get());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("signing", dkim.key().isPresent());
        dkim.key().ifPresent(key -> {
            data.put("domain", key.domain());
            data.put("selector", key.selector());
            data.put("keyBits", key.bits());
            data.put("dnsName", key.recordName());
            data.put("dnsTxt", key.recordValue());
        });
        return HealthDetails.up("dkim", data);
    }
}
