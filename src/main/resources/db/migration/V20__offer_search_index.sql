-- The capacity search joins each provider of the searched districts to its offers of the wanted categories
-- and ages. With only ix_offer_provider and ix_offer_category the planner ANDs two bitmaps per provider and
-- reads every offer of the categories again for each provider (50,000 offers: ~20 ms per search on
-- PostgreSQL, docs/benchmarks.md). This index answers the per-provider lookup directly.
CREATE INDEX ix_offer_provider_category ON offer (provider_id, category, min_age, max_age);
