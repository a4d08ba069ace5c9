package io.closeloop.crm.rep;

import io.closeloop.crm.team.Team;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * A user of Closeloop: a sales rep, a manager or an admin. Also the embedded identity store
 * (bcrypt passwords, checked by Quarkus Security JPA).
 */
@Entity
@Table(name = "rep")
@UserDefinition
public class Rep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    @Column(nullable = false, unique = true)
    public String username;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(nullable = false, unique = true)
    public String email;

    /** One of {@link RepRole}; a string because it is the security role name too. */
    @Roles
    @Column(nullable = false)
    public String role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    public Team team;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id")
    public Rep manager;

    @Column(name = "discount_authority_pct", nullable = false)
    public BigDecimal discountAuthorityPct = BigDecimal.ZERO;

    @Column(nullable = false)
    public boolean active = true;

    public RepRole roleEnum() {
        return RepRole.valueOf(role);
    }

    public void setPassword(String plain) {
        this.passwordHash = BcryptUtil.bcryptHash(plain);
    }

    public Long teamId() {
        return team == null ? null : team.id;
    }

    /** Finds the user for a login name: the username, or for OIDC tokens the e-mail claim. */
    public static Optional<Rep> byLogin(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        return find("username = ?1 or lower(email) = ?2", login, login.toLowerCase(Locale.ROOT))
                .firstResultOptional();
    }
}
