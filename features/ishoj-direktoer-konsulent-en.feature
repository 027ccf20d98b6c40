# language: en
Feature: Direktør, Ishøj – the consultant's scenarios in English
  The same steps as the Danish files, for a consultant who writes acceptance criteria in
  English. Criteria, competencies and organisations keep their Danish names.

  Background:
    Given the post of Direktør, Ishøj Kommune

  Scenario: A director from a neighbouring municipality meets the requirement of top management
    Given an applicant who has been director at Vallensbæk Kommune for seven years with five managers reporting to them
    When the applicant is screened at the application stage
    Then the applicant meets the requirement of topledelse
    And the applicant is not proposed for rejection

  Scenario: Top management in a private company only partly meets the requirement
    Given an applicant who has been managing director at Vestegnens Facility A/S for nine years
    When the applicant is screened at the application stage
    Then the applicant only partly meets the requirement of topledelse
    And the reasoning mentions "Vestegnens Facility A/S"

  Scenario: A department manager is for the committee to decide on
    Given an applicant who has been department manager at Greve Kommune for ten years with three team leaders reporting to them
    When the applicant is screened at the application stage
    Then the applicant does not meet the requirement of topledelse
    And the committee must decide on the requirement of topledelse
    And the applicant does not go on to the next round

  Scenario: A low reference decides the requirement of a unified directorate
    Given an applicant
    And the first interview rates the applicant 5 on enhedsdirektion
    And the reference gives 2 on enhedsdirektion
    When the applicant is screened after the references
    Then the applicant does not meet the requirement of enhedsdirektion
    And the sources disagree on enhedsdirektion
    But at the first interview, the applicant meets the requirement of enhedsdirektion

  Scenario: Before the first interview the unified directorate is not assessed
    Given an applicant who has been head of centre at Ishøj Kommune for ten years with six managers reporting to them
    When the applicant is screened at the application stage
    Then the requirement of enhedsdirektion is not assessed
    And the leadership competencies are only partly assessed

  Scenario: Of three applicants one is proposed for rejection
    Given the applicant Susanne, who has been director at Vallensbæk Kommune for seven years with five managers reporting to them
    And the first interview rates Susanne 5 on enhedsdirektion
    Given the applicant Bo, who has been head of centre at Albertslund Kommune for six years with seven managers reporting to them
    And the first interview rates Bo 4 on enhedsdirektion
    And the first interview rates Bo 2 on helhed og tværgående perspektiv
    Given the applicant Martin, who has been department manager at Greve Kommune for ten years
    When the applicants are screened for the first interview
    Then 1 of 3 applicants is proposed for rejection
    And the top two are Susanne and Bo

  Scenario: Two directors with the same CV share a rank until the first interview tells them apart
    Given the applicant Susanne, who has been director at Vallensbæk Kommune for seven years with five managers reporting to them
    And the first interview rates Susanne 5 on enhedsdirektion
    Given the applicant Bo, who has been director at Albertslund Kommune for seven years with five managers reporting to them
    And the first interview rates Bo 3 on enhedsdirektion
    When the applicants are screened at the application stage
    Then Susanne and Bo share first place
    But at the first interview, Susanne ranks above Bo

  Scenario: A 3 at the first interview is provisional while the second interview may still lift it
    Given an applicant who has been director at Vallensbæk Kommune for seven years with five managers reporting to them
    And the first interview rates the applicant 3 on økonomisk ansvarlighed
    When the applicant is screened after the first interview
    Then the applicant only partly meets the wish for økonomisk ansvarlighed
    And the wish for økonomisk ansvarlighed is only provisionally judged
    And the wish for økonomisk ansvarlighed can still give up to 2.0 points
    But at the second interview, the wish for økonomisk ansvarlighed cannot give more points

  Scenario: The chair's decision on a proposed knock-out follows the applicant
    Given an applicant who has been department manager at Greve Kommune for ten years with three team leaders reporting to them
    When the applicant is screened at the application stage
    And the chair overrides the proposed knock-out of the applicant because "Leads a large department; top management is assessed at the interview"
    Then the reasoning for the applicant shows the decision
    And the applicant goes on to the next round
    But after the first interview, the reasoning for the applicant shows the earlier decision
