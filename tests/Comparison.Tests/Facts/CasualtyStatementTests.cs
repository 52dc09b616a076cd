using Comparison.Documents;
using Comparison.Facts;

namespace Comparison.Tests.Facts;

public class CasualtyStatementTests
{
    private static readonly FactExtractor Extractor = new();

    private static CasualtyTotals Totals(string text) =>
        CasualtyTotals.Of(Extractor.Extract(new Document("t", text) { Published = new DateOnly(2015, 6, 1) }));

    [Theory]
    [InlineData("A man was killed and two others were wounded in a shooting on Friday.", 1, 2)]
    [InlineData("Five people were injured in a drive-by shooting.", null, 5)]
    [InlineData("No one was hurt.", null, 0)]
    [InlineData("The gunman killed six people and injured fourteen others.", 6, 14)]
    [InlineData("The events left two dead and five wounded.", 2, 5)]
    [InlineData("Two dozen people were injured in the shooting.", null, 24)]
    public void Of_SimpleStatements_CountKilledAndInjured(string text, int? killed, int? injured)
    {
        var totals = Totals(text);
        Assert.Equal(killed, totals.Killed);
        Assert.Equal(injured, totals.Injured);
    }

    [Theory]
    [InlineData("A woman and a child were found dead inside the car.", 2)]
    [InlineData("A 59-year-old teacher and his 17-month-old son were found dead on Sunday.", 2)]
    [InlineData("Two boys, ages 7 and 10, and two adults were found slain inside their home.", 4)]
    [InlineData("Hours later, she and her two sons were dead, police said.", 3)]
    [InlineData("Both men inside the sedan were killed, and three others were injured.", 2)]
    [InlineData("A 9-month-old baby in the city died after the accident.", 1)]
    [InlineData("Four were shot in the home; police say William Monroe and Meghan Kerrigan were killed.", 2)]
    public void Of_CoordinatedSubjects_AreSummed(string text, int killed)
    {
        Assert.Equal(killed, Totals(text).Killed);
    }

    [Theory]
    [InlineData("The gunmen opened fire, killing Juan Perez, 23, and Alvaro Ortiz, 25, near the store.", 2)]
    [InlineData("Police say the man fatally shot his wife and four children on Thursday.", 5)]
    [InlineData("A woman fatally shot her infant son and her husband at their home.", 2)]
    [InlineData("The suspect fatally shot his wife, Melissa, and their 8-year-old daughter, Mary.", 2)]
    [InlineData("The shooter fatally shot a 16-year-old last week.", 1)]
    [InlineData("The gunman killed his uncle and two nephews at the farm.", 3)]
    [InlineData("Police said she fatally shot her grandmother and two cousins.", 3)]
    [InlineData("The man is accused of fatally shooting his neighbor and her son.", 2)]
    [InlineData("Deputies say he opened fire on the porch, fatally shooting a 19-year-old.", 1)]
    public void Of_CoordinatedObjects_AreSummed(string text, int killed)
    {
        Assert.Equal(killed, Totals(text).Killed);
    }

    [Fact]
    public void Of_InjuringAMotherAndHerSons_CountsThree()
    {
        Assert.Equal(3, Totals("Police are investigating a triple shooting that happened Thursday evening, injuring a mother and her two teenage sons.").Injured);
    }

    [Theory]
    [InlineData("Four people including a 12-year-old and an 8-year-old were injured in a shooting.", 4)]
    [InlineData("Five people, including two teens, were hospitalized after the shooting.", 5)]
    [InlineData("Officers found that a half-dozen people were shot inside the club.", 6)]
    [InlineData("Four boys between ages 12 and 16 were wounded in a shooting on Monday night.", 4)]
    public void Of_TotalBeforeIncluding_WinsOverTheExamples(string text, int injured)
    {
        Assert.Equal(injured, Totals(text).Injured);
    }

    [Theory]
    [InlineData("A man fatally shot his partner and their two children before killing himself, prosecutors said.", 4)]
    [InlineData("The rampage left seven people dead before the gunman killed himself.", 8)]
    [InlineData("Three people were found dead in an apparent murder-suicide. Police said the man killed himself.", 3)]
    [InlineData("Witnesses described a gunman who was shot and killed by police after a rampage that left two others dead.", 3)]
    public void Of_AShooterWhoKilledHimself_CountsAsTheArchiveDoes(string text, int killed)
    {
        Assert.Equal(killed, Totals(text).Killed);
    }

    [Theory]
    [InlineData("The man fatally shot his neighbor and her son before turning the gun on himself.", 3)]
    [InlineData("Police said the gunman killed two people and then himself.", 3)]
    [InlineData("A father killed his two daughters on Sunday before taking his own life.", 3)]
    [InlineData("Deputies say she killed her husband and later turned the rifle on herself.", 2)]
    public void Of_AShooterWhoTurnedTheGunOnHimself_CountsAsTheArchiveDoes(string text, int killed)
    {
        Assert.Equal(killed, Totals(text).Killed);
    }

    [Theory]
    [InlineData("The woman shot her husband in the kitchen and then took her own life.")]
    [InlineData("Officers said the man wounded a clerk before turning the gun on himself.")]
    public void Of_OnlyTheShootersOwnDeathIsRead_KilledIsUnknown(string text)
    {
        Assert.Null(Totals(text).Killed);
    }

    [Theory]
    [InlineData("A relative said he had planned to take his own life.")]
    [InlineData("Negotiators feared she would try to turn the gun on herself.")]
    [InlineData("The boy turned around and looked at himself in the mirror.")]
    public void Extract_IntentionsAndOtherReflexives_AreNoDeaths(string text)
    {
        Assert.DoesNotContain(Extractor.Extract(new Document("t", text)).Casualties, s => s.SelfInflicted);
    }

    [Theory]
    [InlineData("A 30-year-old man suffered a gunshot wound to the arm on Tuesday.", null, 1)]
    [InlineData("Two bystanders suffered minor injuries from broken glass.", null, 2)]
    [InlineData("The clerk sustained a fatal wound and the robber fled.", 1, null)]
    [InlineData("One man was killed. Two others suffered gunshot wounds in the exchange of fire.", 1, 2)]
    public void Of_SufferedAWound_IsAStatementOfHarm(string text, int? killed, int? injured)
    {
        var totals = Totals(text);
        Assert.Equal((killed, injured), (totals.Killed, totals.Injured));
    }

    [Theory]
    [InlineData("A woman was killed on Main Street. Three men were shot nearby and are expected to survive.", 1, 3)]
    [InlineData("A teen died at the scene. Two others were shot but are in stable condition.", 1, 2)]
    [InlineData("Four people were shot; two died and two are expected to survive.", 2, 2)]
    [InlineData("A man was killed and two others were shot outside the bar.", 1, 2)]
    [InlineData("Five people were shot, one fatally, outside the bar.", 1, 4)]
    public void Of_ShotAndSurvived_CountsAsInjuredBesideTheKilled(string text, int killed, int injured)
    {
        var totals = Totals(text);
        Assert.Equal((killed, injured), (totals.Killed, totals.Injured));
    }

    [Fact]
    public void Of_AWoundedShooter_CountsAmongTheInjured()
    {
        var totals = Totals("The man killed a woman and injured two others on the highway. The suspect was shot and wounded by a deputy.");
        Assert.Equal((1, 3), (totals.Killed, totals.Injured));
    }

    [Theory]
    [InlineData("The father of two sisters who were shot said the gun went off.", 2)]
    [InlineData("Her brother was one of three people wounded in the shooting.", 3)]
    [InlineData("Four teens, one fatally, were shot outside the restaurant.", 3)]
    public void Of_Modifiers_DoNotChangeWhoIsCounted(string text, int injured)
    {
        Assert.Equal(injured, Totals(text).Injured);
    }

    [Theory]
    [InlineData("A dad accidentally shot his 11 year-old son in the cheek, police said.")]
    [InlineData("Police are looking for the person who killed these individuals.")]
    [InlineData("The Daily Journal and WXYZ-TV report John Smith died on Friday.")]
    public void Of_AgesAgentsAndOrganisations_AreNotCounted(string text)
    {
        var totals = Totals(text);
        Assert.True(totals.Killed is null or 1, $"killed {totals.Killed}");
        Assert.True(totals.Injured is null or 1 or 0, $"injured {totals.Injured}");
    }

    [Fact]
    public void Extract_SelfInflicted_IsMarked()
    {
        var facts = Extractor.Extract(new Document("t", "He shot his wife before killing himself."));
        Assert.Contains(facts.Casualties, s => s.SelfInflicted && s.Outcome == CasualtyOutcome.Killed);
        Assert.Contains(facts.Casualties, s => !s.SelfInflicted && s.Count == 1);
    }

    [Theory]
    [InlineData("Kenneth Mills, 22, was shot and killed in Bellflower, police said.", 1, null)]
    [InlineData("Trevor Williams, a 33-year-old man, was shot and killed Friday near the park.", 1, null)]
    [InlineData("Tony Smith, 30, and Darrell Hawkins, 34, were shot and wounded on Main Street.", null, 2)]
    [InlineData("Police are searching for the shooter who killed two teenagers and wounded four other people.", 2, 4)]
    [InlineData("Police believe that a 22-year-old man shot and killed 14-year-old Todd Webb.", 1, null)]
    [InlineData("A 10-year-old girl was hit by a stray bullet on Main Street, police say.", null, 1)]
    [InlineData("A 7-year-old girl was grazed by a bullet near the school on Monday.", null, 1)]
    [InlineData("Five people were shot and a 6-year-old girl was injured near the bus stop.", null, 5)]
    public void Of_NamesInCommasObjectsAndGunfire_AreRead(string text, int? killed, int? injured)
    {
        var totals = Totals(text);
        Assert.Equal(killed, totals.Killed);
        Assert.Equal(injured, totals.Injured);
    }

    [Theory]
    [InlineData("Two bailiffs in a courthouse in southwestern Michigan were killed on Monday.")]
    [InlineData("The car was hit by a truck on the highway.")]
    [InlineData("Two weeks ago two students were killed in a crash on the same road.")]
    [InlineData("Police originally said that eight people were wounded.")]
    public void Of_PlacesOtherEventsAndSupersededCounts_AreNotCounted(string text)
    {
        var totals = Totals(text);
        Assert.Null(totals.Killed);
        Assert.Null(totals.Injured);
    }

    [Theory]
    [InlineData("A man was shot on Main Street on Friday. He was taken to a hospital in critical condition.")]
    [InlineData("A teen was wounded in a shooting on Friday and has life threatening injuries.")]
    public void Of_VictimInCriticalCondition_LeavesInjuredUnknown(string text)
    {
        Assert.Null(Totals(text).Injured);
    }

    [Fact]
    public void Of_NonLifeThreateningInjuries_AreNotProvisional()
    {
        Assert.Equal(2, Totals("Two men were wounded on Friday; their injuries were non-life threatening.").Injured);
    }

    [Fact]
    public void Of_HeadlineContradictingTheLead_LeavesBothUnknown()
    {
        var day = new DateOnly(2015, 6, 1);
        var agrees = CasualtyTotals.Of(Extractor.Extract(new Document("a", "One person was killed and three others were hurt on Friday.") { Title = "1 dead, 3 hurt in shooting", Published = day }));
        Assert.Equal((1, 3), (agrees.Killed, agrees.Injured));
        var facts = Extractor.Extract(new Document("b", "One person was killed and three others were hurt on Friday.") { Title = "2 dead, 3 hurt in shooting", Published = day });
        Assert.Equal(2, facts.TitleCasualties.Count(s => s.Outcome == CasualtyOutcome.Killed || s.Outcome == CasualtyOutcome.Injured));
        Assert.Equal("2", facts.Document.Title![facts.TitleCasualties[0].CountStart..facts.TitleCasualties[0].CountEnd]);
        var contradicted = CasualtyTotals.Of(facts);
        Assert.Null(contradicted.Killed);
        Assert.Null(contradicted.Injured);
        Assert.NotEmpty(contradicted.Evidence);
        var untitled = CasualtyTotals.Of(Extractor.Extract(new Document("c", "One person was killed and three others were hurt on Friday.") { Published = day }));
        Assert.Equal((1, 3), (untitled.Killed, untitled.Injured));
        Assert.Empty(Extractor.Extract(new Document("c", "One person was killed.")).TitleCasualties);
    }
}
