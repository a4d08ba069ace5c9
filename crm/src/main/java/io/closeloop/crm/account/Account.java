package io.closeloop.crm.account;

import io.closeloop.crm.match.Normalize;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.team.Team;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A customer or prospect company. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "external_id", unique = true)
    public String externalId;

    @Column(nullable = false)
    public String name;

    @Column(name = "normalized_name", nullable = false)
    public String normalizedName;

    public String domain;

    public String industry;

    @Enumerated(EnumType.STRING)
    public AccountTier tier;

    @Column(name = "annual_revenue")
    public BigDecimal annualRevenue;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    public Rep owner;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "account_team_share",
            joinColumns = @JoinColumn(name = "account_id"),
            inverseJoinColumns = @JoinColumn(name = "team_id"))
    public Set<Team> sharedWith = new HashSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public void rename(String newName) {
        this.name = newName.trim();
        this.normalizedName = Normalize.companyName(newName);
    }

    @PrePersist
    void onCreate() {
        createdAt = updatedAt = Instant.now();
        normalizedName = Normalize.companyName(name);
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
        normalizedName = Normalize.companyName(name);
    }
}
