package io.closeloop.crm.product;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

/** The list price of a product in one currency and the largest discount ever allowed on it. */
@Entity
@Table(name = "price_book_entry")
public class PriceBookEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", nullable = false)
    public Product product;

    @Column(nullable = false, length = 3, columnDefinition = "char(3)")
    public String currency;

    @Column(name = "list_price", nullable = false)
    public BigDecimal listPrice;

    @Column(name = "max_discount_pct", nullable = false)
    public BigDecimal maxDiscountPct;
}
