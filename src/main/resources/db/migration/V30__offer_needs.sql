-- Special needs an offer can meet (issue #18): the search ranks offers that meet all of a child's needs first, then
-- those that meet some, and says which are met. One row per offer and need (de.ksi.capacity.Need by name); an offer
-- without rows declares none. The primary key serves the search's look-up by offer.
CREATE TABLE offer_need (
  offer_id BIGINT      NOT NULL REFERENCES offer (id),
  need     VARCHAR(30) NOT NULL,
  CONSTRAINT pk_offer_need PRIMARY KEY (offer_id, need),
  CONSTRAINT ck_offer_need CHECK (need IN ('INFANT', 'PREGNANCY', 'MEDICAL', 'PSYCHIATRIC', 'DISABILITY', 'TRAUMA',
    'SECRET_LOCATION'))
);
