namespace RealtimeCalendar.Deploy.Tests.Synthesis;

[CollectionDefinition(Name)]
public sealed class SynthesisCollection : ICollectionFixture<SynthesizedStacks>
{
    public const string Name = "synthesized stacks";
}
